import { readFileSync } from "node:fs";
import { z } from "zod";
import type { ScoreRow } from "./score.js";
import { rowMetrics } from "./metrics.js";

/** The metrics a floor can be set on (fractions 0–1). */
export const FLOOR_METRICS = ["F1", "strictF1", "value", "kind", "qual", "status", "indic", "section", "offsets"] as const;

const fraction = z.number().min(0).max(1).optional();

/** The floors of one document (or TOTAL): metric → minimum; unknown metrics are rejected. */
export const FloorSetSchema = z
  .object({ F1: fraction, strictF1: fraction, value: fraction, kind: fraction, qual: fraction, status: fraction, indic: fraction, section: fraction, offsets: fraction })
  .strict();

/** quality/floors.json: document id or "TOTAL" → metric → minimum. */
export const FloorsSchema = z.record(z.string().min(1), FloorSetSchema);
export type Floors = z.infer<typeof FloorsSchema>;

/** A figure under its floor (or missing). */
export interface FloorFailure {
  doc: string;
  metric: string;
  floor: number;
  /** null when the figure could not be computed (no record or no match) or the document has no gold. */
  actual: number | null;
}

/** Reads and validates a floors file: `loadFloors("quality/floors.json")`. */
export function loadFloors(path: string): Floors {
  return readJsonFile(path, FloorsSchema, "floors");
}

/** A JSON file checked against a zod schema; an error names the file and each problem: `readJsonFile("f.json", S, "floors")`. */
export function readJsonFile<T>(path: string, schema: z.ZodType<T>, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${path}: invalid ${what}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/**
 * Compares score rows (documents and TOTAL, as score.mjs --json gives them) with floors; returns every
 * figure under its floor: `checkFloors({documents, total}, {TOTAL: {F1: 0.93}})`.
 */
export function checkFloors(score: { documents: readonly ScoreRow[]; total: ScoreRow }, floors: Floors): FloorFailure[] {
  const rows = new Map<string, ScoreRow>([...score.documents.map((d) => [d.doc, d] as const), ["TOTAL", score.total]]);
  const out: FloorFailure[] = [];
  for (const [doc, set] of Object.entries(floors)) {
    const row = rows.get(doc);
    const figures = row ? rowMetrics(row) : null;
    for (const [metric, floor] of Object.entries(set)) {
      if (floor === undefined) continue;
      const actual = figures ? figures[metric as keyof typeof figures] : null;
      // A fraction computed from integer counts may land a hair under a floor it equals (0.95 vs 19/20).
      if (actual === null || actual < floor - 1e-9) out.push({ doc, metric, floor, actual });
    }
  }
  return out;
}

/** One line per failure: `formatFloorFailures(checkFloors(score, floors))` → "seed strictF1 0.912 < floor 0.950". */
export function formatFloorFailures(failures: readonly FloorFailure[]): string {
  return failures
    .map((f) => `${f.doc} ${f.metric} ${f.actual === null ? "n/a (no figure)" : f.actual.toFixed(3)} < floor ${f.floor.toFixed(3)}`)
    .join("\n");
}
