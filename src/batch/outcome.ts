import type { MetricRecord } from "../model/record.js";
import type { DocumentRecord } from "../model/document.js";
import { diagnostic, type Diagnostic } from "../model/diagnostic.js";
import { failedDocument } from "../pipeline/document.js";
import type { TaskFailure } from "./protocol.js";
import type { DocumentText } from "../export/dataset-format.js";

/** What one input of a batch contributes to the outputs, in input order. */
export interface ItemOutcome {
  index: number;
  path: string;
  /** The records as objects: empty when the batch streams, and when it writes dataset text (unless asked for, for records.xlsx). */
  records: MetricRecord[];
  /** The records as UTF-8 JSONL, when the batch streams. */
  jsonl: Uint8Array | null;
  /**
   * The document formatted for the dataset files (records, statements, its documents.jsonl line and
   * its diagnostics), when the batch writes them and the document was extracted.
   */
  text: DocumentText | null;
  recordCount: number;
  /** The headline cells as objects (for records.xlsx's panel sheet; in `text` for the files). */
  panel?: import("../model/panel.js").PanelRow[];
  /** The documents.jsonl line; null for a file skipped as not a report format. */
  document: DocumentRecord | null;
  /** Diagnostics as objects; with `text`, only those the batch added (written before the text's). */
  diagnostics: Diagnostic[];
  /** The one-line stderr message of a failed input ("<path>: <problem>"); null when it did not fail. */
  error: string | null;
  /** True when a later `extract --update` may copy this output (read and extracted without error, doc_id its own, not stdin). */
  reusable?: boolean;
  /** sha256 of the metadata given for the input (run.json), or null. */
  meta?: string | null;
  /** Set for an input that was not read (a file of a format zhibiao does not read, or one listed twice). */
  skipped?: { code: string; reason: string };
}

/** The outcome of an input that failed: `failedOutcome(3, "a", "a.txt", { code: "empty-input", stage: "read", message: "empty file" })`. */
export function failedOutcome(index: number, doc_id: string, path: string, failure: TaskFailure): ItemOutcome {
  const message = `${path}: ${failure.message}`;
  const document = failedDocument(doc_id, path, message, {
    reader: failure.reader ?? null,
    encoding: failure.encoding ?? null,
    bytes: failure.bytes ?? null,
    sha256: failure.sha256 ?? null,
  });
  const d = diagnostic({ doc_id, path, severity: "error", stage: failure.stage, code: failure.code, message });
  return { index, path, records: [], jsonl: null, text: null, recordCount: 0, document, diagnostics: [d], error: message };
}

/** The outcome of a file skipped because zhibiao does not read its format (an info diagnostic only). */
export function skippedOutcome(index: number, path: string, reason: string, code = "skipped-format"): ItemOutcome {
  const d = diagnostic({ path, severity: "info", stage: "read", code, message: `${path}: skipped, ${reason}` });
  return { index, path, records: [], jsonl: null, text: null, recordCount: 0, document: null, diagnostics: [d], error: null, skipped: { code, reason } };
}
