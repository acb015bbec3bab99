import type { AttainmentRow } from "../model/join.js";
import type { DirectionOf } from "./direction.js";
import { isMet } from "./direction.js";
import { duplicateNote, joinNotes, unitNote, type JoinRow } from "./join-row.js";
import { compareNullable, compareReports, compareText, tidyNumber } from "./order.js";
import { regionKey } from "./region-key.js";

/** A row that can be one side of a pair: it has a region, a report year and a value. */
type Valued = JoinRow & { value: number; report_year: number };

function valued(row: JoinRow): row is Valued {
  return !row.absent && row.value !== null && row.report_year !== null && regionKey(row) !== null;
}

const seriesKey = (row: JoinRow): string => `${regionKey(row)}\u0000${row.indicator_code}\u0000${row.period}`;

/**
 * Target attainment: each target a report sets (not absent) beside the actual that the first later
 * report (greater report_year) of the same region gives for the same indicator and period. A region is
 * its region_code, or its region string when it has no code; rows without a report year pair with
 * nothing. When several reports of that later year give the actual, one pair each, with a note. gap =
 * actual − target (lower end); met by `directionOf`; numbers as written (a unit that differs is noted,
 * not converted, as the scorer pairs them). O(rows):
 * `attainment(rows, panelDirection)[0]` → { target_doc_id: "national_2015", actual_doc_id: "national_2016", gap: -0.1, met: false, … }.
 */
export function attainment(rows: readonly JoinRow[], directionOf: DirectionOf): AttainmentRow[] {
  const actuals = new Map<string, Valued[]>();
  for (const row of rows) {
    if (row.status !== "actual" || !valued(row)) continue;
    const key = seriesKey(row);
    const list = actuals.get(key);
    if (list) list.push(row);
    else actuals.set(key, [row]);
  }
  for (const list of actuals.values()) list.sort(compareReports);
  const out: AttainmentRow[] = [];
  for (const t of rows) {
    if (t.status !== "target" || !valued(t)) continue;
    const list = actuals.get(seriesKey(t));
    if (!list) continue;
    const first = list.find((a) => a.report_year > t.report_year);
    if (!first) continue;
    const direction = directionOf(t.indicator_code);
    for (const a of list) {
      if (a.report_year !== first.report_year) continue;
      out.push({
        region: t.region,
        region_code: t.region_code,
        indicator_code: t.indicator_code,
        indicator_name: t.indicator_name,
        period: t.period,
        target_value: t.value,
        target_value_max: t.value_max,
        target_qualifier: t.qualifier,
        target_unit: t.unit,
        target_doc_id: t.doc_id,
        target_record_id: t.record_id,
        actual_value: a.value,
        actual_qualifier: a.qualifier,
        actual_unit: a.unit,
        actual_doc_id: a.doc_id,
        actual_record_id: a.record_id,
        gap: tidyNumber(a.value - t.value),
        met: isMet(direction, a.value, t.value, t.value_max),
        direction,
        note: joinNotes([unitNote(t.unit, a.unit), duplicateNote("target", t), duplicateNote("actual", a)]),
      });
    }
  }
  return out.sort(
    (x, y) =>
      compareNullable(x.region_code, y.region_code) ||
      compareNullable(x.region, y.region) ||
      compareText(x.indicator_code, y.indicator_code) ||
      compareText(x.period, y.period) ||
      compareText(x.target_doc_id, y.target_doc_id) ||
      compareText(x.actual_doc_id, y.actual_doc_id),
  );
}
