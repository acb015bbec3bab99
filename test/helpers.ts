import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The project root and ../shared beside it (the reports and annotations live there, never copied in). */
export const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const SHARED = fileURLToPath(new URL("../../shared/", import.meta.url));
export const SEED_ID = "000_a856141411780175";

/** A report's text as the readers give it (BOM dropped). */
export function sharedText(name: string): string {
  const path = existsSync(`${SHARED}corpus/${name}.txt`) ? `${SHARED}corpus/${name}.txt` : `${SHARED}seeds/${name}.txt`;
  return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
}

export const REPORTS = ["000_a856141411780175", "district_hailar_2016", "national_2015", "national_2018", "national_2020", "national_2023", "province_guangdong_2026"];

export interface GoldMention {
  start: number; end: number; raw: string; kind: string; value: number; unit: string; qualifier: string;
  indicator: string; status: string; section_title: string; value_max?: number;
}

/** The gold of a report: its mentions and the windows it annotates (null: the whole text). */
export function gold(name: string): { mentions: GoldMention[]; windows: [number, number][] | null } {
  const rows = readFileSync(`${SHARED}gold/${name}.gold.jsonl`, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  const windows = rows[0]?.windows ?? null;
  return { mentions: windows ? rows.slice(1) : rows, windows };
}

/** Character-overlap F1 of two indicators, as ../shared/eval/score.mjs computes it. */
export function charF1(a: string, b: string): number {
  const strip = (s: string) => [...s.replace(/[\s“”"《》（）()、，,]/g, "")];
  const x = strip(a), y = strip(b);
  if (!x.length || !y.length) return 0;
  const counts = new Map<string, number>();
  for (const c of y) counts.set(c, (counts.get(c) ?? 0) + 1);
  let common = 0;
  for (const c of x) if ((counts.get(c) ?? 0) > 0) { common++; counts.set(c, counts.get(c)! - 1); }
  return common ? (2 * common) / (x.length + y.length) : 0;
}
