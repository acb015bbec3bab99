import type { PanelRow } from "../model/panel.js";
import { compareNullable, compareText } from "./order.js";

/**
 * Panel rows in the joined panel's order: region_code (rows without one last, by region), period,
 * doc_id, indicator_code, status; a new array: `sortPanel(rows)[0].region_code` → "000000".
 */
export function sortPanel<T extends PanelRow>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      compareNullable(a.region_code, b.region_code) ||
      compareNullable(a.region, b.region) ||
      compareText(a.period, b.period) ||
      compareText(a.doc_id, b.doc_id) ||
      compareText(a.indicator_code, b.indicator_code) ||
      compareText(a.status, b.status),
  );
}
