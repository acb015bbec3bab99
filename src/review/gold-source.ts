import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../commands/args.js";
import { loadGoldFile, type GoldDoc } from "../eval/gold.js";
import { parseReview } from "./parse.js";
import { reviewToGold } from "./gold.js";

/** Gold for `score --gold`: the documents, and the paths a review names for their texts. */
export interface GoldSource {
  golds: GoldDoc[];
  /** doc_id → the input path a review header gives (a text to check offsets against). */
  textPaths: Map<string, string>;
}

/** True when a file's first non-empty line is a review header: `isReviewFile("review.jsonl")`. */
export function isReviewFile(path: string): boolean {
  const head = readFileSync(path, "utf8").replace(/^\uFEFF/, "").trimStart().split("\n", 1)[0];
  return /^\{\s*"zhibiao_review"\s*:/.test(head);
}

/**
 * Gold from a folder of `<doc_id>.gold.jsonl` (../shared/gold) and review files, or from one file of
 * either kind. A review's problems throw a ConfigError listing each line; a document given twice too:
 * `loadGoldSource("review/review.jsonl")`.
 */
export function loadGoldSource(path: string): GoldSource {
  const files = statSync(path).isDirectory()
    ? readdirSync(path).filter((f) => f.endsWith(".jsonl")).sort().map((f) => join(path, f)).filter((f) => f.endsWith(".gold.jsonl") || isReviewFile(f))
    : [path];
  const golds: GoldDoc[] = [];
  const textPaths = new Map<string, string>();
  const from = new Map<string, string>();
  const add = (g: GoldDoc, file: string) => {
    if (from.has(g.doc_id)) throw new ConfigError(`--gold: ${g.doc_id} has gold in both ${from.get(g.doc_id)} and ${file}`);
    from.set(g.doc_id, file);
    golds.push(g);
  };
  for (const f of files) {
    if (!isReviewFile(f)) {
      add(loadGoldFile(f), f);
      continue;
    }
    const review = parseReview(readFileSync(f, "utf8"), f);
    if (review.problems.length) throw new ConfigError(`--gold ${f}: not a valid review file:\n${review.problems.map((p) => `  ${p}`).join("\n")}`);
    for (const d of review.header?.documents ?? []) textPaths.set(d.doc_id, d.path);
    for (const g of reviewToGold(review).docs) add(g, f);
  }
  golds.sort((a, b) => a.doc_id.localeCompare(b.doc_id));
  return { golds, textPaths };
}
