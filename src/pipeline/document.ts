import { createHash } from "node:crypto";
import type { MetricRecord } from "../model/record.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { DocumentRecord } from "../model/document.js";
import type { Engine } from "./engine.js";
import { extractText, type TextOptions } from "./extract.js";
import type { PanelRow } from "../model/panel.js";

/** A text as a reader produced it, with where it came from. */
export interface SourceDocument {
  doc_id: string;
  path: string;
  /** The decoded text (BOM dropped); every offset indexes this string. */
  text: string;
  reader: string;
  encoding: string | null;
  bytes: number | null;
  /** sha256 of the input bytes as read (of the text when there were no bytes). */
  sha256?: string | null;
  /** What a researcher's metadata table (--meta) says of this input: it overrides the front matter. */
  overrides?: Omit<TextOptions, "doc_id" | "budgetMs" | "maxRecords">;
}

export interface DocumentResult {
  records: MetricRecord[];
  diagnostics: Diagnostic[];
  document: DocumentRecord;
  /** The report's headline cells (panel.jsonl). */
  panel: PanelRow[];
}

/**
 * Runs the pipeline over one read document: `extractDocument({doc_id:"a", text:"增长5%", …}, engine)`;
 * `limits.maxRecords` makes a document with more records an error diagnostic (`too-many-records`) with none.
 */
export function extractDocument(src: SourceDocument, engine: Engine, limits: { maxRecords?: number } = {}): DocumentResult {
  const { records, diagnostics, meta, panel } = extractText(src.text, { ...src.overrides, doc_id: src.doc_id, path: src.path, ...(limits.maxRecords !== undefined ? { maxRecords: limits.maxRecords } : {}) }, engine);
  const errors = diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  const document: DocumentRecord = {
    doc_id: src.doc_id,
    path: src.path,
    status: "ok",
    reader: src.reader,
    encoding: src.encoding,
    bytes: src.bytes,
    chars: src.text.length,
    sha256: src.sha256 ?? createHash("sha256").update(src.text, "utf8").digest("hex"),
    record_count: records.length,
    errors,
    ...meta,
  };
  return {
    records,
    panel,
    diagnostics: diagnostics.map((d) => ({ ...d, doc_id: d.doc_id ?? src.doc_id, path: d.path ?? src.path })),
    document,
  };
}

/** The documents.jsonl line of an input that could not be read or extracted. */
export function failedDocument(doc_id: string, path: string, message: string, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    doc_id, path, status: "error", reader: null, encoding: null, bytes: null, chars: null, sha256: null,
    record_count: 0, errors: [message],
    title: null, region: null, region_code: null, region_parents: [], province: null, city: null, county: null, town: null, level: null,
    session: null, speaker: null, speaker_title: null, report_date: null, report_year: null,
    review_period: null, plan_period: null,
    ...extra,
  };
}
