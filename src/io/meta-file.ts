import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { ConfigError } from "../commands/args.js";
import { LevelSchema, type Level } from "../model/document.js";
import { decodeText } from "./encoding.js";

/** What a researcher's metadata table says of one input (`--meta FILE`); every field is optional. */
export interface MetaOverride {
  region?: string;
  region_code?: string;
  level?: Level;
  report_date?: string;
  report_year?: number;
  title?: string;
}

/** The columns a metadata table may have; `doc_id` or `path` names the input a row is about. */
export const META_COLUMNS = ["doc_id", "path", "region", "region_code", "level", "report_date", "report_year", "title"] as const;

/** A metadata table, read and checked: rows by doc_id and by resolved path. */
export interface MetaTable {
  file: string;
  byDocId: Map<string, { line: number; meta: MetaOverride }>;
  byPath: Map<string, { line: number; meta: MetaOverride }>;
}

/** A metadata file that cannot be used: exit 1, naming the file and line, before any input is read. */
export class MetaFileError extends ConfigError {}

/** Chinese and common English level names a table may use, to the project's levels. */
const LEVEL_WORDS: Record<string, Level> = {
  national: "national", nation: "national", 全国: "national", 国家: "national", 中央: "national",
  provincial: "provincial", province: "provincial", 省: "provincial", 省级: "provincial",
  city: "city", prefecture: "city", 市: "city", 地级: "city", 地市: "city", 市级: "city",
  county: "county", district: "county", 县: "county", 区: "county", 县级: "county", 区县: "county",
  town: "town", township: "town", street: "town", 镇: "town", 乡: "town", 街道: "town", 乡镇: "town", 乡级: "town",
};

/**
 * Reads `--meta FILE`: a CSV with a header row, `doc_id` or `path` and any of region, region_code,
 * level, report_date, report_year, title. A file that is not CSV, lacks doc_id/path, has an unknown
 * column or a bad value throws a MetaFileError naming the line: `readMetaFile("manifest.csv")`.
 */
export function readMetaFile(file: string): MetaTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new MetaFileError(`--meta ${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (bytes.includes(0)) throw new MetaFileError(`--meta ${file}: not a CSV file (binary content)`);
  const text = decodeText(bytes).text;
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new MetaFileError(`--meta ${file}${err.lines ? `:${err.lines}` : ""}: not a CSV file: ${err.message.split("\n")[0]}`);
  }
  const header = rows[0];
  if (!header) throw new MetaFileError(`--meta ${file}: empty file (a header row is needed)`);
  const cols = header.map((h) => h.trim().replace(/^\uFEFF/, ""));
  const unknown = cols.filter((c) => !(META_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw new MetaFileError(`--meta ${file}:1: unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `'${u}'`).join(", ")}; columns are: ${META_COLUMNS.join(", ")}`);
  if (!cols.includes("doc_id") && !cols.includes("path")) throw new MetaFileError(`--meta ${file}:1: the header needs a doc_id or a path column`);
  const dupe = cols.find((c, i) => cols.indexOf(c) !== i);
  if (dupe) throw new MetaFileError(`--meta ${file}:1: column '${dupe}' is given twice`);
  const table: MetaTable = { file, byDocId: new Map(), byPath: new Map() };
  const base = dirname(resolve(file));
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const at = (message: string) => new MetaFileError(`--meta ${file}:${line}: ${message}`);
    const get = (c: string) => {
      const k = cols.indexOf(c);
      const v = k >= 0 ? (row[k] ?? "").trim() : "";
      return v === "" ? undefined : v;
    };
    const meta: MetaOverride = {};
    const region = get("region");
    if (region) meta.region = region;
    const code = get("region_code");
    if (code) {
      if (!/^\d{6}(?:\d{3}|\d{6})?$/.test(code)) throw at(`region_code '${code}' is not a 6-, 9- or 12-digit division code`);
      meta.region_code = code;
    }
    const level = get("level");
    if (level) {
      const l = LEVEL_WORDS[level.toLowerCase()] ?? (LevelSchema.safeParse(level).success ? (level as Level) : undefined);
      if (!l) throw at(`level '${level}' is none of ${LevelSchema.options.join(", ")}`);
      meta.level = l;
    }
    const date = get("report_date");
    if (date) {
      const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(date);
      if (!m) throw at(`report_date '${date}' is not a date YYYY-MM-DD`);
      meta.report_date = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
    }
    const year = get("report_year");
    if (year) {
      if (!/^\d{4}$/.test(year)) throw at(`report_year '${year}' is not a year`);
      meta.report_year = Number(year);
    }
    if (meta.report_date && meta.report_year && Number(meta.report_date.slice(0, 4)) !== meta.report_year) throw at(`report_date ${meta.report_date} and report_year ${meta.report_year} disagree`);
    const title = get("title");
    if (title) meta.title = title;
    const doc = get("doc_id");
    const path = get("path");
    if (!doc && !path) throw at("the row names no doc_id and no path");
    if (doc) {
      if (table.byDocId.has(doc)) throw at(`doc_id '${doc}' is given twice (also line ${table.byDocId.get(doc)!.line})`);
      table.byDocId.set(doc, { line, meta });
    }
    if (path) table.byPath.set(resolve(base, path), { line, meta });
  });
  return table;
}

/**
 * The metadata row for an input, by doc_id or path (relative to the table's folder, or as given):
 * `metaFor(table, "national_2015", "corpus/national_2015.txt")` → { report_year: 2015, … } or null.
 */
export function metaFor(table: MetaTable, docId: string, path: string): { line: number; meta: MetaOverride } | null {
  return table.byDocId.get(docId) ?? table.byPath.get(resolve(path)) ?? null;
}

/** The rows that name no input of the batch: `unusedRows(table, used)` → ["manifest.csv:4: doc_id x names no input"]. */
export function unusedRows(table: MetaTable, used: ReadonlySet<number>): string[] {
  const out: string[] = [];
  for (const [doc, { line }] of table.byDocId) if (!used.has(line)) out.push(`--meta ${table.file}:${line}: doc_id '${doc}' names no input`);
  for (const [path, { line }] of table.byPath) if (!used.has(line) && !out.some((o) => o.includes(`:${line}:`))) out.push(`--meta ${table.file}:${line}: path '${basename(path)}' names no input`);
  return out;
}
