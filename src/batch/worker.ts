/** A batch worker: loads the engine once, then reads and extracts the documents it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import { createEngine, type Engine } from "../pipeline/engine.js";
import { extractDocument } from "../pipeline/document.js";
import { decodeDocument, type ReadDocument } from "../io/decode.js";
import { describeError } from "../io/errors.js";
import type { Task, TaskFailure, WorkerInit, WorkerMessage } from "./protocol.js";
import { faultFor } from "./fault.js";
import { toJsonl } from "../export/jsonl.js";
import type { MetricRecord } from "../model/record.js";

const init = workerData as WorkerInit;

const port = parentPort;
if (!port) throw new Error("batch/worker.js runs in a worker thread only");
const post = (m: WorkerMessage) => port.postMessage(m);

let engine: Engine;
try {
  engine = await Promise.resolve(createEngine(init.engine));
  post({ type: "ready" });
} catch (e) {
  post({ type: "fatal", message: (e as Error)?.message ?? String(e) });
  port.close();
}

port.on("message", (task: Task) => {
  void handle(task).then(post);
});

async function handle(task: Task): Promise<WorkerMessage> {
  let doc: ReadDocument;
  try {
    doc = await decodeDocument(task.bytes, { path: task.path, doc_id: task.doc_id });
  } catch (e) {
    const { code, message } = describeError(e);
    return { type: "failed", id: task.id, failure: { code, stage: "read", message, bytes: task.bytes.length } };
  }
  if (faultFor("crash", task.doc_id)) {
    setImmediate(() => {
      throw new Error(`injected crash on ${task.doc_id}`);
    });
    return new Promise<WorkerMessage>(() => undefined);
  }
  if (faultFor("hang", task.doc_id)) return new Promise<WorkerMessage>(() => undefined);
  try {
    const { diagnostics: readDiagnostics, ...source } = doc;
    const result = await Promise.resolve(extractDocument(source, engine));
    const records = result.records.slice().sort((a, b) => a.start - b.start || a.end - b.end);
    const diagnostics = [...readDiagnostics, ...result.diagnostics];
    if (init.jsonl) {
      const { columns } = init.jsonl;
      const jsonl = toJsonl(columns ? records.map((r) => pick(r, columns)) : records);
      return { type: "done", id: task.id, result: { ...result, records: [], diagnostics }, jsonl, recordCount: records.length };
    }
    return { type: "done", id: task.id, result: { ...result, records, diagnostics }, jsonl: null, recordCount: records.length };
  } catch (e) {
    const failure: TaskFailure = {
      code: "extract-failed",
      stage: "extract",
      message: `extraction failed: ${String((e as Error)?.message ?? e).split("\n")[0]}`,
      reader: doc.reader,
      encoding: doc.encoding,
      bytes: doc.bytes,
      sha256: doc.sha256 ?? null,
    };
    return { type: "failed", id: task.id, failure };
  }
}

function pick(r: MetricRecord, columns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = (r as Record<string, unknown>)[c];
  return out;
}
