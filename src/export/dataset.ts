import { join } from "node:path";
import type { MetricRecord } from "../model/record.js";
import type { DocumentRecord } from "../model/document.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { writeFileAtomic } from "../io/write.js";
import { toJsonl } from "./jsonl.js";
import { recordsToCsv } from "./csv.js";

/** What one run produced, sorted by (doc_id, start). */
export interface Dataset {
  records: MetricRecord[];
  documents: DocumentRecord[];
  diagnostics: Diagnostic[];
}

export interface DatasetOptions {
  /** Extra formats beyond the default csv + jsonl files (e.g. "xlsx"). */
  formats?: string[];
  /** Columns of records.csv, in order (default: every record field). */
  columns?: string[];
  /** Header language of records.csv: "en" (field names) or "zh" (codebook names). */
  header?: "en" | "zh";
}

/** Writes records.csv, records.jsonl, documents.jsonl and diagnostics.jsonl into `dir`, each atomically. */
export function writeDataset(dir: string, data: Dataset, opts: DatasetOptions = {}): string[] {
  const written: [string, string][] = [
    ["records.jsonl", toJsonl(data.records)],
    ["records.csv", recordsToCsv(data.records, opts.columns)],
    ["documents.jsonl", toJsonl(data.documents)],
    ["diagnostics.jsonl", toJsonl(data.diagnostics)],
  ];
  for (const [name, body] of written) writeFileAtomic(join(dir, name), body);
  return written.map(([name]) => join(dir, name));
}
