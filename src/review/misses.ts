import { ConfigError } from "../commands/args.js";
import { normalize } from "../normalize/normalize.js";
import { expandFragments } from "../rules/compile.js";
import { escapeRegExp, type Lexicon } from "../rules/lexicon.js";

/** A number-like span no record covers and nothing explains: a possible missed figure. */
export interface CandidateMiss {
  start: number;
  end: number;
  raw: string;
}

interface Compiled {
  numberLike: RegExp[];
  notFigures: RegExp[];
  terms: RegExp | null;
}

const cache = new WeakMap<Lexicon, Compiled>();

function compile(lex: Lexicon, fragments: Readonly<Record<string, string>>): Compiled {
  const hit = cache.get(lex);
  if (hit) return hit;
  const re = (src: string, where: string) => {
    const { source, unknown } = expandFragments(src, fragments);
    if (unknown.length) throw new ConfigError(`rules/lexicon/misses.yaml: ${where}: unknown fragment ${unknown.map((u) => `{${u}}`).join(", ")}`);
    if (/\(\?<[A-Za-z]/.test(source)) throw new ConfigError(`rules/lexicon/misses.yaml: ${where}: named groups are not allowed (use (?: … ))`);
    try {
      return new RegExp(source, "g");
    } catch (e) {
      throw new ConfigError(`rules/lexicon/misses.yaml: ${where}: bad regular expression: ${(e as Error).message}`);
    }
  };
  const numeral = /[0-9零〇一二两三四五六七八九十百千万亿]/;
  const terms = lex.terms.map((t) => t.term).filter((t) => numeral.test(t));
  const out: Compiled = {
    numberLike: lex.misses.numberLike.map((p, i) => re(p, `number_like[${i}]`)),
    notFigures: lex.misses.notFigures.map((p, i) => re(p.pattern, `not_figures[${i}] (${p.why})`)),
    terms: terms.length ? new RegExp(terms.sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "g") : null,
  };
  cache.set(lex, out);
  return out;
}

const spans = (re: RegExp, text: string): [number, number][] => [...text.matchAll(re)].filter((m) => m[0].length).map((m) => [m.index, m.index + m[0].length]);

/**
 * Possible misses of a text: spans of the number-like patterns of rules/lexicon/misses.yaml that
 * overlap no record, no not_figures span and no domain term holding a numeral, sorted, never
 * overlapping: `findMisses("全镇12个村", [], lex, fragments)` → [{ start: 2, end: 5, raw: "12个" }].
 */
export function findMisses(source: string, covered: readonly { start: number; end: number }[], lex: Lexicon, fragments: Readonly<Record<string, string>>): CandidateMiss[] {
  const c = compile(lex, fragments);
  const { text } = normalize(source);
  const blocked: [number, number][] = [...covered.map((r) => [r.start, r.end] as [number, number])];
  for (const re of c.notFigures) blocked.push(...spans(re, text));
  if (c.terms) blocked.push(...spans(c.terms, text));
  blocked.sort((a, b) => a[0] - b[0]);
  const found: [number, number][] = [];
  for (const re of c.numberLike) found.push(...spans(re, text));
  // longest first at each start, then no overlaps
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: CandidateMiss[] = [];
  let lastEnd = -1;
  for (const [s, e0] of found) {
    // trailing white space is not part of the figure
    let e = e0;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (s < lastEnd || e <= s) continue;
    if (blocked.some(([bs, be]) => bs < e && s < be)) continue;
    out.push({ start: s, end: e, raw: source.slice(s, e) });
    lastEnd = e;
  }
  return out;
}
