import type { Level } from "../model/document.js";
import type { WideRow } from "../model/join.js";
import { WIDE_KEY_COLUMNS } from "../model/join.js";
import { plainNumber } from "../export/number.js";
import type { JoinRow } from "./join-row.js";
import { compareNullable, compareReports, compareText } from "./order.js";
import { regionKey } from "./region-key.js";
import { describeCell } from "./cell.js";

/** panel_wide.csv: its columns in order, its rows, and the one unit of each value column. */
export interface WideTable {
  columns: string[];
  rows: WideRow[];
  /** Value column → its unit (the indicator's most frequent unit in the panel); null when no row has one. */
  units: Record<string, string | null>;
}

/** The most frequent unit of each code (ties: the first in code-point order): `mainUnits(rows).get("grain_output")` → "斤". */
export function mainUnits(rows: readonly JoinRow[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r.absent || r.unit === null) continue;
    const c = counts.get(r.indicator_code) ?? new Map<string, number>();
    c.set(r.unit, (c.get(r.unit) ?? 0) + 1);
    counts.set(r.indicator_code, c);
  }
  const out = new Map<string, string>();
  for (const [code, c] of counts) {
    const best = [...c].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0];
    if (best) out.set(code, best[0]);
  }
  return out;
}

/** The indicator codes in column order: those of `order` first (catalogue order), then the others by code: `codeOrder(["b","a"], ["a"])` → ["a","b"]. */
export function codeOrder(codes: Iterable<string>, order: readonly string[]): string[] {
  const rank = new Map(order.map((c, i) => [c, i]));
  return [...new Set(codes)].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || compareText(a, b));
}

interface Group {
  region: string | null;
  region_code: string | null;
  level: Level | null;
  period: string;
  cells: Map<string, JoinRow[]>;
}

/**
 * The wide table: one row per region × period, a `<code>_target` and a `<code>_actual` column per
 * indicator present (catalogue `order`, then by code). A column holds one unit, the indicator's most
 * frequent one (`units`). A cell holds the value (lower end of a range) of the first report
 * (report_year, doc_id) that gives it in that unit; a value in another unit, another report giving
 * another value, and a target a report says it does not set go to `notes`. Rows without region are
 * left out (they are in panel.csv). `wide(rows, ["gdp_growth"]).columns` → ["region", "region_code", "level", "period", "gdp_growth_target", "gdp_growth_actual", "notes"].
 */
export function wide(rows: readonly JoinRow[], order: readonly string[] = []): WideTable {
  const groups = new Map<string, Group>();
  const codes = new Set<string>();
  for (const row of rows) {
    const region = regionKey(row);
    if (region === null) continue;
    codes.add(row.indicator_code);
    const key = `${region}\u0000${row.period}`;
    let g = groups.get(key);
    if (!g) {
      g = { region: row.region, region_code: row.region_code, level: row.level, period: row.period, cells: new Map() };
      groups.set(key, g);
    }
    g.region ??= row.region;
    g.level ??= row.level;
    const column = `${row.indicator_code}_${row.status}`;
    const list = g.cells.get(column);
    if (list) list.push(row);
    else g.cells.set(column, [row]);
  }
  const sorted = codeOrder(codes, order);
  const unitOf = mainUnits(rows);
  const valueColumns = sorted.flatMap((c) => [`${c}_target`, `${c}_actual`]);
  const units: Record<string, string | null> = {};
  for (const c of sorted) units[`${c}_target`] = units[`${c}_actual`] = unitOf.get(c) ?? null;
  const out: WideRow[] = [];
  for (const g of groups.values()) {
    const row: WideRow = { region: g.region, region_code: g.region_code, level: g.level, period: g.period, notes: null };
    const notes: string[] = [];
    for (const column of valueColumns) {
      const list = (g.cells.get(column) ?? []).slice().sort(compareReports);
      const unit = units[column] ?? null;
      const chosen = list.find((r) => !r.absent && r.value !== null && (unit === null || r.unit === unit)) ?? null;
      row[column] = chosen ? chosen.value : null;
      for (const r of list) {
        if (r.absent) notes.push(`${column}: ${r.doc_id} sets no target`);
        else if (unit !== null && r.unit !== unit) notes.push(`${column}: ${r.doc_id} gives ${describeCell(r)} (column in ${unit})`);
        else if (chosen && r !== chosen && r.value !== chosen.value)
          notes.push(`${column}: ${r.doc_id} gives ${r.value === null ? "?" : plainNumber(r.value)} (${chosen.doc_id}: ${plainNumber(chosen.value as number)})`);
      }
    }
    row.notes = notes.length ? notes.join("; ") : null;
    out.push(row);
  }
  out.sort((a, b) => compareNullable(a.region_code, b.region_code) || compareNullable(a.region, b.region) || compareText(a.period, b.period));
  return { columns: [...WIDE_KEY_COLUMNS, ...valueColumns, "notes"], rows: out, units };
}
