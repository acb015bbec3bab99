import { readJsonFile } from "./floors.js";
import { z } from "zod";

const fraction = z.number().min(0).max(1).optional();

/** quality/panel-floors.json: the panel's, attainment's and levels' figures (official panel-score.mjs --json) → minimum. */
export const PanelFloorsSchema = z
  .object({
    panel: z.object({ F1: fraction, valueF1: fraction, strictF1: fraction }).strict().optional(),
    attainment: z.object({ F1: fraction, valuesRight: fraction, gapRight: fraction, metRight: fraction }).strict().optional(),
    levels: z.object({ F1: fraction, valuesRight: fraction, differenceRight: fraction }).strict().optional(),
  })
  .strict();
export type PanelFloors = z.infer<typeof PanelFloorsSchema>;

/** What panel-score.mjs --json prints (the parts the floors read). */
export interface PanelScore {
  panel: { total: Record<string, number> };
  attainment?: Record<string, number>;
  levels?: Record<string, number>;
}

/** Reads and validates the panel floors: `loadPanelFloors("quality/panel-floors.json")`. */
export function loadPanelFloors(path: string): PanelFloors {
  return readJsonFile(path, PanelFloorsSchema, "panel floors");
}

/**
 * Every figure under its floor, as lines: `checkPanelFloors(score, { panel: { strictF1: 0.97 } })` →
 * ["panel strictF1 0.962 < floor 0.970"]; a table the floors name but the score lacks fails too.
 */
export function checkPanelFloors(score: PanelScore, floors: PanelFloors): string[] {
  const out: string[] = [];
  const tables: Record<string, Record<string, number> | undefined> = { panel: score.panel.total, attainment: score.attainment, levels: score.levels };
  for (const [table, set] of Object.entries(floors)) {
    for (const [metric, floor] of Object.entries(set ?? {})) {
      if (floor === undefined) continue;
      const actual = tables[table]?.[metric];
      if (typeof actual !== "number") out.push(`${table} ${metric} n/a (not scored) < floor ${floor.toFixed(3)}`);
      else if (actual < floor - 1e-9) out.push(`${table} ${metric} ${actual.toFixed(3)} < floor ${floor.toFixed(3)}`);
    }
  }
  return out;
}
