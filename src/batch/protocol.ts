import type { DocumentResult } from "../pipeline/document.js";
import type { EngineOptions } from "../pipeline/engine.js";
import type { InputErrorCode } from "../io/errors.js";
import type { RecordColumn } from "../export/columns.js";
import type { DocumentText } from "../export/dataset-format.js";
import type { GateCells } from "../nlp/native-gate.js";

/** What a worker is started with. */
export interface WorkerInit {
  engine: EngineOptions;
  /** When set, the worker sends records as UTF-8 JSONL (these columns, or all) instead of objects: for streaming. */
  jsonl: { columns: string[] | null } | null;
  /**
   * When set, the worker sends each finished document as the text of the dataset files (records.csv
   * rows on these columns) instead of objects, and its records as objects too only when `records` is
   * true (records.xlsx needs them): for `--out <dir>`.
   */
  dataset: { columns: RecordColumn[]; records: boolean } | null;
  /** The worker's native-call gate (shared memory): the pool stops it only between nodejieba calls. */
  gate: GateCells;
  /** How inputs are read (`--ocr`). */
  read?: import("../io/decode.js").ReadOptions;
}

/** One document for a worker: its bytes (transferred, not copied) and where they came from. */
export interface Task {
  id: number;
  doc_id: string;
  path: string;
  bytes: Uint8Array;
  /** What the caller knows of this input (--meta): it overrides the front matter. */
  overrides?: import("../io/meta-file.js").MetaOverride;
}

/** A document a worker could not read or extract, with what it learned before failing. */
export interface TaskFailure {
  code: InputErrorCode;
  stage: "read" | "extract" | "batch";
  message: string;
  reader?: string | null;
  encoding?: string | null;
  bytes?: number | null;
  sha256?: string | null;
}

/** Messages from a worker to the main thread. */
export type WorkerMessage =
  | { type: "ready" }
  | { type: "fatal"; message: string }
  | {
      type: "done";
      id: number;
      /** With `dataset`, records is empty (unless asked for) and diagnostics empty: they are in `text`. */
      result: DocumentResult;
      /** With `jsonl`: the records.jsonl lines, UTF-8, in a buffer of their own (transferred). */
      jsonl: Uint8Array | null;
      /** With `dataset`: the document's dataset text (its buffer transferred). */
      text: DocumentText | null;
      recordCount: number;
    }
  | { type: "failed"; id: number; failure: TaskFailure };
