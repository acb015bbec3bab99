import { createRequire } from "node:module";
import { mkdtempSync, writeFileSync, rmSync, readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { throughGate } from "./native-gate.js";

export interface Token {
  word: string;
  tag: string;
  /** Offset of the word in the tagged string. */
  start: number;
}

/** Words with part-of-speech tags and offsets: nodejieba, with the domain terms as its user dictionary. */
export interface Tokenizer {
  tag(text: string): Token[];
}

interface NodeJieba {
  load(opts?: { dict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  tag(s: string): { word: string; tag: string }[];
  cut(s: string): string[];
}

let jieba: NodeJieba | null = null;
let loadedTerms: string | null = null;

/**
 * Loads nodejieba once per process (about 1 s) with the domain terms as its user dictionary.
 * `createTokenizer([{ term: "河长制", tag: "nz" }]).tag("河长制成效")`
 */
export function createTokenizer(terms: { term: string; tag: string }[]): Tokenizer {
  const key = terms.map((t) => `${t.term} ${t.tag}`).join("\n");
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const j = throughGate(() => require("nodejieba") as NodeJieba);
    const dir = mkdtempSync(join(tmpdir(), "zhibiao-dict-"));
    const userDict = join(dir, "user.dict.utf8");
    writeFileSync(userDict, terms.map((t) => `${t.term} ${t.tag}`).join("\n") + "\n");
    // nodejieba's full dictionary (349k words) costs ~235 MB per process or worker; the words a report
    // uses — every word of one or two characters and every word seen at least MIN_FREQ times — cost
    // ~80 MB and tag reports the same way for what the indicator needs. Keyword extraction is not used,
    // so its IDF and stop-word tables are left empty.
    const idfDict = join(dir, "idf.utf8");
    const stopWordDict = join(dir, "stop_words.utf8");
    // the build writes the compact dictionary (scripts/postbuild.mjs); without a build, make it here
    let dict = [new URL(`../dict/${COMPACT_DICT_NAME}`, import.meta.url), new URL(`../../dist/dict/${COMPACT_DICT_NAME}`, import.meta.url)]
      .map((u) => fileURLToPath(u))
      .find((p) => existsSync(p));
    if (!dict) {
      dict = join(dir, COMPACT_DICT_NAME);
      writeFileSync(dict, compactDictionary(readFileSync((j as NodeJieba & { DEFAULT_DICT: string }).DEFAULT_DICT, "utf8")));
    }
    writeFileSync(idfDict, "的 1.0\n");
    writeFileSync(stopWordDict, "的\n");
    try {
      throughGate(() => j.load({ dict, userDict, idfDict, stopWordDict }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    jieba = j;
    loadedTerms = key;
  }
  // nodejieba keeps one dictionary per process: terms added by a later rule folder only reach the rules.
  void loadedTerms;
  const j = jieba;
  // the same short phrases are tagged again and again (a clause for its indicator, then its parts)
  const cache = new Map<string, Token[]>();
  return {
    tag(text: string): Token[] {
      if (!text) return [];
      const hit = cache.get(text);
      if (hit) return hit;
      if (cache.size > 20000) cache.clear();
      const out: Token[] = [];
      let pos = 0;
      // a batch worker is only ever stopped between native calls (see native-gate.ts)
      for (const { word, tag } of throughGate(() => j.tag(text))) {
        // nodejieba gives no offsets: sum the word lengths, and resynchronise if a word was altered
        const at = text.startsWith(word, pos) ? pos : text.indexOf(word, pos);
        const start = at >= 0 ? at : pos;
        out.push({ word, tag, start });
        pos = start + word.length;
      }
      cache.set(text, out);
      return out;
    },
  };
}

const MIN_FREQ = 20;
export const COMPACT_DICT_NAME = "jieba.compact.utf8";

/** The lines of a jieba dictionary (`word freq tag`) worth keeping: `compactDictionary("的 318825 uj\n…")`. */
export function compactDictionary(full: string): string {
  const out: string[] = [];
  for (const line of full.split("\n")) {
    const sp = line.indexOf(" ");
    if (sp <= 0) continue;
    const word = line.slice(0, sp);
    const freq = Number(line.slice(sp + 1, line.indexOf(" ", sp + 1)));
    if ([...word].length === 1 || freq >= MIN_FREQ) out.push(line);
  }
  return out.join("\n") + "\n";
}
