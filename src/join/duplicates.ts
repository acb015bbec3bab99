import type { PanelRow } from "../model/panel.js";
import type { JoinedPanelRow } from "../model/join.js";
import type { JoinRow } from "./join-row.js";
import { regionKey } from "./region-key.js";
import { describeCell, sameCell } from "./cell.js";

/** The key of a cell across reports: region, report year, indicator, status, period (null when the row has no region or year). */
function cellKey(row: PanelRow): string | null {
  const region = regionKey(row);
  if (region === null || row.report_year === null) return null;
  return `${region}\u0000${row.report_year}\u0000${row.indicator_code}\u0000${row.status}\u0000${row.period}`;
}

/**
 * Flags a cell that two reports of one region and year both give (two versions or copies of a report):
 * both rows are kept, each naming the other report in `duplicate_of`, and what it gives in
 * `duplicate_conflict` when the values differ; never merged. A row that is no duplicate and already
 * has both fields null is returned as it is (not copied); others are new objects. O(rows):
 * `flagDuplicates([a2016, b2016])[0].duplicate_of` → "b2016".
 */
export function flagDuplicates(rows: readonly JoinRow[]): JoinedPanelRow[] {
  const keys = rows.map(cellKey);
  const groups = new Map<string, PanelRow[]>();
  keys.forEach((key, i) => {
    if (key === null) return;
    const group = groups.get(key);
    if (group) group.push(rows[i] as PanelRow);
    else groups.set(key, [rows[i] as PanelRow]);
  });
  return rows.map((row, i) => {
    const key = keys[i];
    const group = key === null || key === undefined ? undefined : groups.get(key);
    const others = group && group.length > 1 ? group.filter((o) => o.doc_id !== row.doc_id) : [];
    if (!others.length) return row.duplicate_of === null && row.duplicate_conflict === null ? (row as JoinedPanelRow) : { ...row, duplicate_of: null, duplicate_conflict: null };
    const differing = others.filter((o) => !sameCell(o, row));
    return {
      ...row,
      duplicate_of: [...new Set(others.map((o) => o.doc_id))].join("; "),
      duplicate_conflict: differing.length ? differing.map((o) => `${o.doc_id}: ${describeCell(o)}`).join("; ") : null,
    };
  });
}
