import { readFileSync } from "node:fs";
import { z } from "zod";
import type { PredRecord } from "./score.js";

/** A predicted record as the scorer reads it: the span and doc_id are required, the rest is looked at if present. */
export const PredRecordSchema = z
  .object({ doc_id: z.string().min(1), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .catchall(z.unknown());

/** Reads records.jsonl (one a line) or records.json (an array): `loadPredictions("output/records.jsonl")`. */
export function loadPredictions(path: string): PredRecord[] {
  const raw = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  let rows: { where: string; json: unknown }[];
  if (path.endsWith(".json")) {
    const arr: unknown = JSON.parse(raw);
    if (!Array.isArray(arr)) throw new Error(`${path}: expected a JSON array of records`);
    rows = arr.map((json, i) => ({ where: `${path}[${i}]`, json }));
  } else {
    rows = [];
    raw.split("\n").forEach((l, i) => {
      if (!l.trim()) return;
      try {
        rows.push({ where: `${path}:${i + 1}`, json: JSON.parse(l) });
      } catch (e) {
        throw new Error(`${path}:${i + 1}: not JSON: ${(e as Error).message}`);
      }
    });
  }
  return rows.map(({ where, json }) => {
    const parsed = PredRecordSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${where}: not a record: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    return parsed.data;
  });
}
