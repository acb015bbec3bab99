import { stringify } from "csv-stringify/sync";
import { RECORD_COLUMNS, type MetricRecord } from "../model/record.js";

/** Records as CSV (UTF-8 with BOM, RFC 4180), one column per schema field. */
export function recordsToCsv(records: readonly MetricRecord[], columns: readonly string[] = RECORD_COLUMNS): string {
  const rows = records.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])));
  return "\uFEFF" + stringify([columns as string[], ...rows], { eof: true, record_delimiter: "\r\n" });
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return numberCell(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return String(v);
}

/** A number without exponent or separators: 148690000, not 1.4869e8. */
export function numberCell(n: number): string {
  if (!Number.isFinite(n)) return "";
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}
