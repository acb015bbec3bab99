import { stringify } from "csv-stringify/sync";
import type { MetricRecord } from "../model/record.js";
import { csvCell } from "./cell.js";
import { headerRow, resolveColumns, type HeaderLanguage } from "./columns.js";

export { plainNumber as numberCell } from "./number.js";

/** Options of a records CSV. */
export interface CsvOptions {
  /** Columns to write, in order (default: every record column); Chinese names are accepted. */
  columns?: readonly string[] | null;
  /** Header row: snake_case names ("en", default) or the codebook's Chinese names ("zh"). */
  header?: HeaderLanguage;
}

/**
 * Records as CSV for Excel/WPS/pandas/R: UTF-8 with BOM, RFC 4180 (CRLF, quotes doubled), numbers plain,
 * null empty, formula-like text prefixed with `'`: `recordsToCsv(records, { columns: ["indicator", "value"], header: "zh" })`.
 */
export function recordsToCsv(records: readonly MetricRecord[], opts: CsvOptions | readonly string[] = {}): string {
  const { columns, header } = Array.isArray(opts) ? { columns: opts as readonly string[], header: undefined } : (opts as CsvOptions);
  const cols = resolveColumns(columns);
  const rows = records.map((r) => cols.map((c) => r[c] as unknown));
  return tableToCsv(headerRow(cols, header), rows);
}

/** Any table as CSV with the same rules (BOM, RFC 4180, plain numbers, escaped formulas): `tableToCsv(["a"], [[1]])`. */
export function tableToCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const body = [header.map((h) => csvCell(h)), ...rows.map((row) => row.map(csvCell))];
  return "\uFEFF" + stringify(body, { eof: true, record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}
