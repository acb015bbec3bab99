/** A batch worker: loads the engine once, then reads and extracts the documents it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import { createEngine, type Engine } from "../pipeline/engine.js";
import { extractDocument } from "../pipeline/document.js";
import { decodeDocument, type ReadDocument } from "../io/decode.js";
import { describeError } from "../io/errors.js";
import type { Task, TaskFailure, WorkerInit, WorkerMessage } from "./protocol.js";
import { faultFor } from "./fault.js";

const port = parentPort;
if (!port) throw new Error("batch/worker.js runs in a worker thread only");
const post = (m: WorkerMessage) => port.postMessage(m);

let engine: Engine;
try {
  engine = await Promise.resolve(createEngine((workerData as WorkerInit).engine));
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
  try {
    const { diagnostics: readDiagnostics, ...source } = doc;
    const result = extractDocument(source, engine);
    return { type: "done", id: task.id, result: { ...result, diagnostics: [...readDiagnostics, ...result.diagnostics] } };
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
