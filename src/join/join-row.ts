import type { PanelRow } from "../model/panel.js";
import type { JoinedPanelRow } from "../model/join.js";

/** A panel row as the join stages take it: read from an extract output, or already flagged by `flagDuplicates`. */
export type JoinRow = PanelRow & Partial<Pick<JoinedPanelRow, "duplicate_of" | "duplicate_conflict">>;

/** The note of a pair when another report of the same region and year gives one side too: `duplicateNote("target", row)` → "target also in b2016 (differs: b2016: 6.5 %)". */
export function duplicateNote(side: string, row: JoinRow): string | null {
  if (!row.duplicate_of) return null;
  return `${side} also in ${row.duplicate_of}${row.duplicate_conflict ? ` (differs: ${row.duplicate_conflict})` : ""}`;
}

/** Notes joined with "; ", or null when there is none: `joinNotes([null, "a"])` → "a". */
export function joinNotes(notes: readonly (string | null)[]): string | null {
  const kept = notes.filter((n): n is string => !!n);
  return kept.length ? kept.join("; ") : null;
}

/** The note of a pair whose two sides are in different units (the numbers are compared as written): `unitNote("吨", "斤")` → "units differ: 吨 vs 斤". */
export function unitNote(a: string | null, b: string | null): string | null {
  return a === b ? null : `units differ: ${a ?? "none"} vs ${b ?? "none"}`;
}
