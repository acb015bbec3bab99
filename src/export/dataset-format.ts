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
 * diagnostics.jsonl lines, packed one after the other in one buffer of its own (so a worker can
 * transfer it without copying); `lengths[i]` is the byte length of `TEXT_PARTS[i]`.
 */
export interface DocumentText {
  doc_id: string;
  bytes: Uint8Array;
  lengths: number[];
}

/** panel.csv rows (no header) of one document's panel. */
export function panelCsvLines(rows: readonly PanelRow[]): string {
  return csvLines(rows.map(panelCells));
}

/**
 * Formats one document for the dataset files: `documentText(result.records, result.document, diagnostics, columns, result.panel)`.
 * `records` must be the document's records in output order (start, end).
 */
export function documentText(
  doc_id: string,
  records: readonly MetricRecord[],
  document: DocumentRecord | null,
  diagnostics: readonly Diagnostic[],
  columns: readonly RecordColumn[],
  panel: readonly PanelRow[] = [],
): DocumentText {
  const parts = [
    jsonLines(records),
    recordCsvLines(records, columns),
    records.length ? statementCsvLines(records) : "",
    document ? jsonLines([document]) : "",
    jsonLines(diagnostics),
    jsonLines(panel),
    panelCsvLines(panel),
  ];
  const lengths = parts.map((p) => Buffer.byteLength(p, "utf8"));
  const bytes = Buffer.allocUnsafeSlow(lengths.reduce((a, b) => a + b, 0));
  let off = 0;
  for (let i = 0; i < parts.length; i++) off += bytes.write(parts[i] as string, off, "utf8");
  return { doc_id, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), lengths };
}

/** The bytes of one part of a document's text: `textPart(t, "records.csv")`. */
export function textPart(t: DocumentText, part: TextPart): Uint8Array {
  const i = TEXT_PARTS.indexOf(part);
  let off = 0;
  for (let k = 0; k < i; k++) off += t.lengths[k] ?? 0;
  return t.bytes.subarray(off, off + (t.lengths[i] ?? 0));
}
