import type { PanelRow } from "../model/panel.js";
import type { MetricRecord } from "../model/record.js";
import type { DocumentRecord } from "../model/document.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { ColumnError } from "./columns.js";

/** What one run produced, sorted by (doc_id, start). */
export interface Dataset {
  records: MetricRecord[];
  documents: DocumentRecord[];
  diagnostics: Diagnostic[];
  /** The headline cells (panel.jsonl, panel.csv, the panel sheet); none when absent. */
  panel?: PanelRow[];
}

/** Formats writeDataset knows; csv, jsonl and statements are always written, xlsx on request. */
export const FORMATS = ["csv", "jsonl", "statements", "xlsx"] as const;
export type Format = (typeof FORMATS)[number];

export interface DatasetOptions {
  /** Extra formats beyond the files always written: "xlsx" adds records.xlsx. "csv", "jsonl", "statements" are accepted and change nothing. */
  formats?: string[];
  /** Columns of records.csv and of the records sheet of records.xlsx, in order (default: every record field); Chinese names accepted. */
  columns?: string[];
  /** Header language of records.csv, statements.csv and the records sheet: "en" (field names) or "zh" (codebook names). */
  header?: "en" | "zh";
}

/** Splits and checks `--format` values ("xlsx", "csv,xlsx"): `parseFormats(["csv,xlsx"])` → ["csv", "xlsx"]. */
export function parseFormats(specs: readonly string[] = []): Format[] {
  const out: Format[] = [];
  for (const f of specs.flatMap((s) => s.split(",")).map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new ColumnError(`unknown format '${f}'; formats are: ${FORMATS.join(", ")}`);
    if (!out.includes(f as Format)) out.push(f as Format);
  }
  return out;
}
