/** A batch worker: loads the engine once, then reads and extracts the documents it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import { createEngine, type Engine } from "../pipeline/engine.js";
import { extractDocument } from "../pipeline/document.js";
import { decodeDocument, type ReadDocument } from "../io/decode.js";
import { describeError } from "../io/errors.js";
import type { Task, TaskFailure, WorkerInit, WorkerMessage } from "./protocol.js";
import { faultFor } from "./fault.js";
import { toJsonl } from "../export/jsonl.js";
import { documentText, OutputTooLargeError, textBuffers, utf8Own } from "../export/dataset-format.js";
import type { MetricRecord } from "../model/record.js";
import { useNativeGate } from "../nlp/native-gate.js";

import { formatBytes, limitsOrDefaults } from "../limits.js";

const init = workerData as WorkerInit;
/** The limits of one document (src/limits.ts: ZHIBIAO_MAX_OUTPUT_BYTES, ZHIBIAO_MAX_RECORDS, …), as the main thread checked them. */
const LIMITS = limitsOrDefaults(process.env);
const MAX_OUTPUT = LIMITS.maxOutputBytes;
// before the engine loads nodejieba: the pool may then stop this worker only between native calls
useNativeGate(init.gate);

const port = parentPort;
if (!port) throw new Error("batch/worker.js runs in a worker thread only");
/** Posts a message, transferring (not copying) the buffers of formatted text. */
const post = (m: WorkerMessage) => {
  if (m.type !== "done") return port.postMessage(m);
  const transfer: ArrayBuffer[] = [];
  if (m.jsonl) transfer.push(m.jsonl.buffer as ArrayBuffer);
  if (m.text) transfer.push(...textBuffers(m.text));
  port.postMessage(m, transfer);
};

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
    doc = await decodeDocument(task.bytes, { path: task.path, doc_id: task.doc_id }, { ...init.read, limits: LIMITS });
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
    const result = await Promise.resolve(extractDocument({ ...source, overrides: task.overrides }, engine, { maxRecords: LIMITS.maxRecords }));
    const records = result.records.slice().sort((a, b) => a.start - b.start || a.end - b.end);
    const diagnostics = [...readDiagnostics, ...result.diagnostics];
    const recordCount = records.length;
    // a tripped time budget is an error of the document, not a partial success
    // … and so are too many records (found once refined, before the records are built)
    const tripped = result.diagnostics.find((d) => d.code === "time-budget" || d.code === "too-many-records");
    if (tripped) return { type: "failed", id: task.id, failure: { code: tripped.code as "time-budget" | "too-many-records", stage: "extract", message: tripped.message, reader: doc.reader, encoding: doc.encoding, bytes: doc.bytes, sha256: doc.sha256 ?? null } };
    // more records than a document may have is an error of the document, never a truncation
    if (recordCount > LIMITS.maxRecords) {
      const message = `too many records: ${recordCount.toLocaleString("en-US")} > ${LIMITS.maxRecords.toLocaleString("en-US")} (ZHIBIAO_MAX_RECORDS); none written`;
      return { type: "failed", id: task.id, failure: { code: "too-many-records", stage: "extract", message, reader: doc.reader, encoding: doc.encoding, bytes: doc.bytes, sha256: doc.sha256 ?? null } };
    }
    if (init.jsonl) {
      const { columns } = init.jsonl;
      const jsonl = utf8Own(toJsonl(columns ? records.map((r) => pick(r, columns)) : records));
      if (jsonl.byteLength > MAX_OUTPUT) throw new OutputTooLargeError(`the records of this document are over ${formatBytes(MAX_OUTPUT)} of JSONL (${records.length} records); not written`);
      return { type: "done", id: task.id, result: { ...result, records: [], diagnostics }, jsonl, text: null, recordCount };
    }
    if (init.dataset) {
      const { columns, records: keep } = init.dataset;
      const text = documentText(records[0]?.doc_id ?? task.doc_id, records, result.document, diagnostics, columns, result.panel, MAX_OUTPUT);
      return { type: "done", id: task.id, result: { ...result, records: keep ? records : [], diagnostics: [] }, jsonl: null, text, recordCount };
    }
    return { type: "done", id: task.id, result: { ...result, records, diagnostics }, jsonl: null, text: null, recordCount };
  } catch (e) {
    const tooLarge = e instanceof OutputTooLargeError || (e instanceof RangeError && /string length|buffer/i.test(e.message));
    const failure: TaskFailure = {
      code: tooLarge ? "output-too-large" : "extract-failed",
      stage: "extract",
      message: tooLarge ? (e instanceof OutputTooLargeError ? e.message : `the output of this document is too large (${e.message})`) : `extraction failed: ${String((e as Error)?.message ?? e).split("\n")[0]}`,
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
