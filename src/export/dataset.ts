import { join } from "node:path";
import type { MetricRecord } from "../model/record.js";
import type { DocumentRecord } from "../model/document.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { writeFileAtomic } from "../io/write.js";
import { toJsonl } from "./jsonl.js";
import { recordsToCsv } from "./csv.js";
import { statementsToCsv } from "./statements.js";
import { datasetToXlsx } from "./xlsx.js";
import { ColumnError, parseHeader, resolveColumns, type HeaderLanguage } from "./columns.js";

/** What one run produced, sorted by (doc_id, start). */
export interface Dataset {
  records: MetricRecord[];
  documents: DocumentRecord[];
  diagnostics: Diagnostic[];
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

/**
 * Writes, each atomically, into `dir`: records.csv, records.jsonl, statements.csv, documents.jsonl,
 * diagnostics.jsonl, and records.xlsx when `formats` has "xlsx"; returns the paths written:
 * `await writeDataset("output", data, { formats: ["xlsx"], columns: ["doc_id", "indicator", "value"], header: "zh" })`.
 * Options are checked before anything is written (a bad column throws a ColumnError). The text files
 * are written synchronously before the returned promise settles; only the XLSX waits for it.
 */
export async function writeDataset(dir: string, data: Dataset, opts: DatasetOptions = {}): Promise<string[]> {
  const formats = parseFormats(opts.formats);
  const header: HeaderLanguage = parseHeader(opts.header);
  const columns = resolveColumns(opts.columns);
  const written: [string, string][] = [
    ["records.jsonl", toJsonl(data.records)],
    ["records.csv", recordsToCsv(data.records, { columns, header })],
    ["statements.csv", statementsToCsv(data.records, { header })],
    ["documents.jsonl", toJsonl(data.documents)],
    ["diagnostics.jsonl", toJsonl(data.diagnostics)],
  ];
  for (const [name, body] of written) writeFileAtomic(join(dir, name), body);
  const paths = written.map(([name]) => join(dir, name));
  if (formats.includes("xlsx")) {
    const path = join(dir, "records.xlsx");
    writeFileAtomic(path, await datasetToXlsx(data, { columns, header }));
    paths.push(path);
  }
  return paths;
}
