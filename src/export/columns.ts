import { RECORD_COLUMNS, type MetricRecord } from "../model/record.js";
import { zhName } from "./codebook.js";

/** A column name of records.csv. */
export type RecordColumn = keyof MetricRecord;

/** Header languages: "en" writes the snake_case column names, "zh" the codebook's Chinese names. */
export type HeaderLanguage = "en" | "zh";

/** An unknown column or header language asked for; its message lists what is allowed. */
export class ColumnError extends Error {
  readonly exitCode = 1;
}

/**
 * The columns to write, validated and in the order asked (default: every record column).
 * Accepts column names or their Chinese names: `resolveColumns(["indicator", "数值"])` → ["indicator", "value"].
 */
export function resolveColumns(columns?: readonly string[] | null): RecordColumn[] {
  if (!columns || columns.length === 0) return [...RECORD_COLUMNS];
  const byZh = new Map(RECORD_COLUMNS.map((c) => [zhName(c), c]));
  const out: RecordColumn[] = [];
  const unknown: string[] = [];
  for (const asked of columns) {
    const name = asked.trim();
    const column = (RECORD_COLUMNS as readonly string[]).includes(name) ? (name as RecordColumn) : byZh.get(name);
    if (!column) unknown.push(name);
    else if (!out.includes(column)) out.push(column);
  }
  if (unknown.length) {
    throw new ColumnError(`unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `'${u}'`).join(", ")}; columns are: ${RECORD_COLUMNS.join(", ")}`);
  }
  return out;
}

/** A `--columns` value split on commas (ASCII or full-width) and validated: `parseColumns("doc_id,value")` → ["doc_id", "value"]. */
export function parseColumns(spec: string): RecordColumn[] {
  return resolveColumns(spec.split(/[,，]/).map((s) => s.trim()).filter(Boolean));
}

/** A `--header` value checked: `parseHeader("zh")` → "zh". */
export function parseHeader(spec: string | undefined): HeaderLanguage {
  if (spec === undefined || spec === "en") return "en";
  if (spec === "zh") return "zh";
  throw new ColumnError(`unknown header language '${spec}'; use en or zh`);
}

/** The header row of the given columns: `headerRow(["value"], "zh")` → ["数值"]. */
export function headerRow(columns: readonly string[], header: HeaderLanguage = "en"): string[] {
  return header === "zh" ? columns.map(zhName) : [...columns];
}
