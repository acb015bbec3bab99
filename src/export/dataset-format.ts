/**
 * The text of the dataset files, one document at a time: shared by the batch workers (which format each
 * finished document) and `DatasetWriter` (which formats what it is given as objects), so both paths
 * write the same bytes.
 */
import type { MetricRecord } from "../model/record.js";
import type { DocumentRecord } from "../model/document.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { csvCell } from "./cell.js";
import type { RecordColumn } from "./columns.js";
import { statementRows } from "./statements.js";
import type { PanelRow } from "../model/panel.js";
import { panelCells } from "./panel-columns.js";
import { LIMITS } from "../limits.js";

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * One CSV field as csv-stringify writes it with `{ record_delimiter: "\r\n", quoted_match: /[\r\n]/ }`
 * (the options of `tableToCsv`): quoted when it holds a comma, a quote or a line break, quotes doubled.
 */
function csvField(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(QUOTE, '""')}"` : s;
}

/**
 * CSV lines of rows, each ended by CRLF, cells as `tableToCsv` writes them (csvCell, RFC 4180):
 * `csvLines([["a", 1]])` → `a,1\r\n`. The same bytes as csv-stringify, without its per-field overhead.
 */
export function csvLines(rows: readonly (readonly unknown[])[]): string {
  let out = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i) out += ",";
      out += csvField(csvCell(row[i]));
    }
    out += "\r\n";
  }
  return out;
}

/** One JSON object a line, each ended by "\n": `jsonLines([{ a: 1 }])` → `{"a":1}\n`. */
export function jsonLines(rows: readonly object[]): string {
  let out = "";
  for (const r of rows) out += `${JSON.stringify(r)}\n`;
  return out;
}

/** records.csv rows (no header) of some records on these columns. */
export function recordCsvLines(records: readonly MetricRecord[], columns: readonly RecordColumn[]): string {
  let out = "";
  for (const r of records) {
    for (let i = 0; i < columns.length; i++) {
      if (i) out += ",";
      out += csvField(csvCell(r[columns[i] as RecordColumn]));
    }
    out += "\r\n";
  }
  return out;
}

/** statements.csv rows (no header) of one document's records. */
export function statementCsvLines(records: readonly MetricRecord[]): string {
  return csvLines(statementRows(records));
}

/** The parts of a document's text, in the order they are packed. */
export const TEXT_PARTS = ["records.jsonl", "records.csv", "statements.csv", "documents.jsonl", "diagnostics.jsonl", "panel.jsonl", "panel.csv"] as const;
export type TextPart = (typeof TEXT_PARTS)[number];

/**
 * One finished document, formatted: the UTF-8 bytes of its records.jsonl lines, records.csv rows
 * (no header), statements.csv rows (no header, to be sorted by doc_id), documents.jsonl line and
 * diagnostics.jsonl lines, panel.jsonl lines and panel.csv rows. Each part is a list of buffers of at
 * most CHUNK_BYTES-ish each (so no single buffer nears Node's 2 GiB limits, where `buf.write` writes
 * nothing), each buffer with an ArrayBuffer of its own (so a worker can transfer it without copying):
 * `parts[i]` holds the bytes of `TEXT_PARTS[i]`, `lengths[i]` their total.
 */
export interface DocumentText {
  doc_id: string;
  parts: Uint8Array[][];
  lengths: number[];
}

/** The most formatted output one document may have (all parts together): over it the document is an error, `output-too-large`. */
export const MAX_DOCUMENT_OUTPUT_BYTES = LIMITS.maxOutputBytes.default;
/** Records formatted per batch: strings stay small, buffers near 1–4 MB. */
const RECORDS_PER_CHUNK = 1000;

/** A document's formatted output is over MAX_DOCUMENT_OUTPUT_BYTES (or a string could not hold it). */
export class OutputTooLargeError extends Error {
  readonly code = "output-too-large";
}

/** The UTF-8 of a string in a buffer of its own, every byte checked written. */
export function utf8Own(s: string): Uint8Array {
  const n = Buffer.byteLength(s, "utf8");
  const buf = Buffer.allocUnsafeSlow(n);
  const wrote = buf.write(s, 0, "utf8");
  if (wrote !== n) throw new Error(`formatting: wrote ${wrote} of ${n} bytes`);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

/** Every buffer of a document's text (to transfer them). */
export function textBuffers(t: DocumentText): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const list of t.parts) for (const b of list) if (b.byteLength) out.push(b.buffer as ArrayBuffer);
  return out;
}

/** panel.csv rows (no header) of one document's panel. */
export function panelCsvLines(rows: readonly PanelRow[]): string {
  return csvLines(rows.map(panelCells));
}

/**
 * Formats one document for the dataset files: `documentText(result.records, result.document, diagnostics, columns, result.panel)`.
 * `records` must be the document's records in output order (start, end). The records are formatted a
 * thousand at a time; once the document's output passes `maxBytes`, OutputTooLargeError.
 */
export function documentText(
  doc_id: string,
  records: readonly MetricRecord[],
  document: DocumentRecord | null,
  diagnostics: readonly Diagnostic[],
  columns: readonly RecordColumn[],
  panel: readonly PanelRow[] = [],
  maxBytes: number = MAX_DOCUMENT_OUTPUT_BYTES,
): DocumentText {
  const parts: Uint8Array[][] = TEXT_PARTS.map(() => []);
  const lengths = TEXT_PARTS.map(() => 0);
  let total = 0;
  const add = (i: number, s: string) => {
    if (!s) return;
    const b = utf8Own(s);
    total += b.byteLength;
    if (total > maxBytes) throw new OutputTooLargeError(`the formatted output of this document is over ${Math.round(maxBytes / 2 ** 20)} MB (${records.length} records); not written`);
    (parts[i] as Uint8Array[]).push(b);
    lengths[i] = (lengths[i] ?? 0) + b.byteLength;
  };
  try {
    for (let k = 0; k < records.length; k += RECORDS_PER_CHUNK) {
      const batch = records.slice(k, k + RECORDS_PER_CHUNK);
      add(0, jsonLines(batch));
      add(1, recordCsvLines(batch, columns));
    }
    if (records.length) {
      const rows = statementRows(records);
      for (let k = 0; k < rows.length; k += RECORDS_PER_CHUNK) add(2, csvLines(rows.slice(k, k + RECORDS_PER_CHUNK)));
    }
    add(3, document ? jsonLines([document]) : "");
    add(4, jsonLines(diagnostics));
    add(5, jsonLines(panel));
    add(6, panelCsvLines(panel));
  } catch (e) {
    if (e instanceof RangeError && /string length/i.test(e.message)) throw new OutputTooLargeError(`the formatted output of this document is too large for one string (${records.length} records); not written`);
    throw e;
  }
  return { doc_id, parts, lengths };
}

/** The bytes of one part of a document's text, as buffers: `textPart(t, "records.csv")`. */
export function textPart(t: DocumentText, part: TextPart): Uint8Array[] {
  return t.parts[TEXT_PARTS.indexOf(part)] ?? [];
}
