import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";

/** One hand-annotated metric mention (../shared/gold/GUIDE.md); keys beyond these are ignored. */
export const GoldMentionSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    raw: z.string(),
    kind: z.string(),
    value: z.number(),
    value_max: z.number().nullable().optional(),
    unit: z.string(),
    qualifier: z.string(),
    indicator: z.string(),
    status: z.string(),
    section_title: z.string(),
  });
export type GoldMention = z.infer<typeof GoldMentionSchema>;

/** The first line of a gold file that annotates only some stretches of its report. */
export const WindowsLineSchema = z.object({ windows: z.array(z.tuple([z.number().int(), z.number().int()])) }).strict();

/** The gold of one report: its mentions and, when partial, the annotated windows. */
export interface GoldDoc {
  doc_id: string;
  gold: GoldMention[];
  windows: [number, number][] | null;
}

/** Loads every `<doc_id>.gold.jsonl` of a folder, sorted by doc_id: `loadGoldDir("../shared/gold")`. */
export function loadGoldDir(dir: string): GoldDoc[] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".gold.jsonl")).sort();
  return files.map((f) => loadGoldFile(join(dir, f)));
}

/** Loads one gold file, windows line included: `loadGoldFile("gold/a.gold.jsonl")`. */
export function loadGoldFile(path: string): GoldDoc {
  const lines = readFileSync(path, "utf8").replace(/^\uFEFF/, "").split("\n");
  const rows: { line: number; json: unknown }[] = [];
  lines.forEach((l, i) => {
    if (!l.trim()) return;
    try {
      rows.push({ line: i + 1, json: JSON.parse(l) });
    } catch (e) {
      throw new Error(`${path}:${i + 1}: not JSON: ${(e as Error).message}`);
    }
  });
  let windows: [number, number][] | null = null;
  const first = rows[0] ? WindowsLineSchema.safeParse(rows[0].json) : null;
  if (first?.success) {
    windows = first.data.windows;
    rows.shift();
  }
  const gold = rows.map(({ line, json }) => {
    const parsed = GoldMentionSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${path}:${line}: not a gold mention: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    return parsed.data;
  });
  return { doc_id: basename(path, ".gold.jsonl"), gold, windows };
}
