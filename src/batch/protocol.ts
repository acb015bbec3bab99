import type { DocumentResult } from "../pipeline/document.js";
import type { EngineOptions } from "../pipeline/engine.js";
import type { InputErrorCode } from "../io/errors.js";

/** What a worker is started with. */
export interface WorkerInit {
  engine: EngineOptions;
  /** When set, the worker sends records as JSONL text (these columns, or all) instead of objects: for streaming. */
  jsonl: { columns: string[] | null } | null;
}

/** One document for a worker: its bytes (transferred, not copied) and where they came from. */
export interface Task {
  id: number;
  doc_id: string;
  path: string;
  bytes: Uint8Array;
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
  | { type: "done"; id: number; result: DocumentResult; jsonl: string | null; recordCount: number }
  | { type: "failed"; id: number; failure: TaskFailure };
