import type { PanelRow } from "../model/panel.js";
import { plainNumber } from "../export/number.js";

/** A cell's value as a short text for notes: `describeCell({ value: 6, value_max: 6.5, unit: "%", qualifier: "range", absent: false })` → "6–6.5 % range". */
export function describeCell(row: Pick<PanelRow, "value" | "value_max" | "unit" | "qualifier" | "absent">): string {
  if (row.absent) return "no target (said explicitly)";
  const value = row.value === null ? "?" : plainNumber(row.value);
  const range = row.value_max === null ? "" : `–${plainNumber(row.value_max)}`;
  return `${value}${range}${row.unit ? ` ${row.unit}` : ""}${row.qualifier ? ` ${row.qualifier}` : ""}`;
}

/** Whether two rows give the same figure (value, top, unit, qualifier, absent): `sameCell(a, a)` → true. */
export function sameCell(a: Pick<PanelRow, "value" | "value_max" | "unit" | "qualifier" | "absent">, b: Pick<PanelRow, "value" | "value_max" | "unit" | "qualifier" | "absent">): boolean {
  return a.absent === b.absent && a.value === b.value && a.value_max === b.value_max && a.unit === b.unit && a.qualifier === b.qualifier;
}
