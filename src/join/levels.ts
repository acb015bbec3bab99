import type { LevelRow } from "../model/join.js";
import { duplicateNote, joinNotes, unitNote, type JoinRow } from "./join-row.js";
import { compareText, tidyNumber } from "./order.js";

/** The parent region's code of a region code, or null at the top: `parentOf("440308")` → "440300". */
export type ParentOf = (code: string) => string | null;

/** A target that can be one side of a levels pair. */
type Target = JoinRow & { value: number; report_year: number; region_code: string };

function isTarget(row: JoinRow): row is Target {
  return row.status === "target" && !row.absent && row.value !== null && row.report_year !== null && row.region_code !== null;
}

const targetKey = (code: string, row: JoinRow): string => `${code}\u0000${row.indicator_code}\u0000${row.period}\u0000${row.report_year}`;

/** Ancestors are looked up at most this far (a cycle in a parents map ends here). */
const MAX_DEPTH = 12;

/**
 * The region a code is compared with: its parent (`parentOf`) when the parent has any report in the
 * panel, else (unless `ancestors` is false) the nearest ancestor that has one; null at the top:
 * `nearestParent("150702", p, codes)` → "000000".
 */
export function nearestParent(code: string, parentOf: ParentOf, withReports: ReadonlySet<string>, ancestors = true): string | null {
  const seen = new Set([code]);
  let up = parentOf(code);
  for (let depth = 0; up !== null && depth < MAX_DEPTH && !seen.has(up); depth++) {
    if (withReports.has(up)) return up;
    if (!ancestors) return null;
    seen.add(up);
    up = parentOf(up);
  }
  return null;
}

/**
 * Levels: each target beside the target the parent region (by `parentOf`, on region codes) sets for the
 * same indicator and period in its report of the same report year. The parent is the next level up; when
 * that code has no report in the panel at all, the nearest ancestor that has one. Only the parent's
 * reports of that year count (a missing year is no pair). Rows without region_code or report_year pair
 * with nothing. Several parent reports that year: one pair each, with a note. `immediateOnly`: no
 * fallback to an ancestor (a parent without reports gives no pair). O(rows):
 * `levels(rows, (c) => map[c] ?? null)[0]` → { doc_id: "district_yantian_2016", parent_doc_id: "city_shenzhen_2016", difference: 1, … }.
 */
export function levels(rows: readonly JoinRow[], parentOf: ParentOf, immediateOnly = false): LevelRow[] {
  const withReports = new Set<string>();
  const targets = new Map<string, Target[]>();
  for (const row of rows) {
    if (row.region_code !== null) withReports.add(row.region_code);
    if (!isTarget(row)) continue;
    const key = targetKey(row.region_code, row);
    const list = targets.get(key);
    if (list) list.push(row);
    else targets.set(key, [row]);
  }
  const parents = new Map<string, string | null>();
  const parentCode = (code: string): string | null => {
    if (!parents.has(code)) parents.set(code, nearestParent(code, parentOf, withReports, !immediateOnly));
    return parents.get(code) ?? null;
  };
  const out: LevelRow[] = [];
  for (const t of rows) {
    if (!isTarget(t)) continue;
    const parent = parentCode(t.region_code);
    if (parent === null) continue;
    for (const p of targets.get(targetKey(parent, t)) ?? []) {
      out.push({
        doc_id: t.doc_id,
        parent_doc_id: p.doc_id,
        region: t.region,
        region_code: t.region_code,
        parent_region: p.region,
        parent_region_code: p.region_code,
        report_year: t.report_year,
        indicator_code: t.indicator_code,
        indicator_name: t.indicator_name,
        period: t.period,
        value: t.value,
        value_max: t.value_max,
        unit: t.unit,
        parent_value: p.value,
        parent_value_max: p.value_max,
        parent_unit: p.unit,
        difference: tidyNumber(t.value - p.value),
        note: joinNotes([unitNote(t.unit, p.unit), duplicateNote("target", t), duplicateNote("parent target", p)]),
      });
    }
  }
  return out.sort(
    (x, y) =>
      compareText(x.region_code, y.region_code) ||
      compareText(x.indicator_code, y.indicator_code) ||
      compareText(x.period, y.period) ||
      compareText(x.doc_id, y.doc_id) ||
      compareText(x.parent_doc_id, y.parent_doc_id),
  );
}
