import type { Lexicon } from "./lexicon.js";
import { alternation, escapeRegExp } from "./lexicon.js";

/** Fragments built from the lexicons, so a unit added to units.yaml reaches every rule. */
export function lexiconFragments(lex: Lexicon): Record<string, string> {
  // a unit form that must not run into certain characters (家 of 家庭, 家乡) carries a lookahead
  const unitForms = (pred: (dim: string, cn: boolean) => boolean) =>
    [...lex.units]
      .filter(([, u]) => pred(u.dimension, u.cn !== false))
      .map(([form, u]) => [form, u.not_before?.length ? `${escapeRegExp(form)}(?!${alternation(u.not_before)})` : escapeRegExp(form)] as const)
      .sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))
      .map(([, re]) => re)
      .join("|");
  // a magnitude word that starts a unit (千 of 千米, 千克, 千瓦) is the unit's, not a magnitude
  const magnitudes = [...lex.magnitudes.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => {
      const rests = [...lex.units.keys()].filter((f) => f.startsWith(w) && f.length > w.length).map((f) => f.slice(w.length));
      return rests.length ? `${escapeRegExp(w)}(?!${alternation(rests)})` : escapeRegExp(w);
    })
    .join("|");
  // a one-character prefix qualifier that is also a common word ending (迈上, 之上) only qualifies a bare
  // magnitude (上千万, 上百家)
  const qpre = alternation([...lex.qualPrefix.keys()].filter((f) => f !== "上")) + (lex.qualPrefix.has("上") ? "|上(?=[百千万亿])" : "");
  const general = (dim: string) => dim !== "time" && dim !== "age" && dim !== "score";
  return {
    UNIT: `(?:${unitForms((d) => general(d))})`,
    UNIT_TIME: `(?:${unitForms((d) => d === "time")})`,
    UNIT_AGE: `(?:${unitForms((d) => d === "age")})`,
    UNIT_SCORE: `(?:${unitForms((d) => d === "score")})`,
    MAG: `(?:${magnitudes})`,
    QPRE: `(?:${qpre})`,
    QPOST: `(?:${alternation(lex.qualSuffix.keys())})`,
    UP: `(?:${alternation(lex.up)})`,
    DOWN: `(?:${alternation(lex.down)})`,
    REACH: `(?:${alternation(lex.reach)})`,
  };
}

/** Replaces every {NAME} by its fragment, recursively; unknown names are returned, not thrown. */
export function expandFragments(pattern: string, fragments: Record<string, string>): { source: string; unknown: string[] } {
  const unknown: string[] = [];
  const expand = (s: string, depth: number): string =>
    s.replace(/\{([A-Z][A-Z0-9_]*)\}/g, (whole, name: string) => {
      const f = fragments[name];
      if (f === undefined) {
        unknown.push(name);
        return whole;
      }
      if (depth > 12) {
        unknown.push(`${name} (fragments nest too deep: a cycle?)`);
        return whole;
      }
      return expand(f, depth + 1);
    });
  return { source: expand(pattern, 0), unknown: [...new Set(unknown)] };
}

/**
 * Structural checks a JS RegExp does not do: only named capture groups (positional groups shift
 * silently when a group is added), and no nested unbounded quantifiers (`(a+)+`), which can backtrack
 * catastrophically. Returns the problems found.
 */
export function checkPattern(source: string): string[] {
  const problems: string[] = [];
  interface Frame { unbounded: boolean; }
  const stack: Frame[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") {
      inClass = true;
      continue;
    }
    if (c === "(") {
      if (source[i + 1] !== "?") problems.push(`unnamed capture group at ${i}: use (?<name>…) or (?:…)`);
      stack.push({ unbounded: false });
      continue;
    }
    const quant = unboundedQuantifierAt(source, i);
    if (c === ")") {
      const frame = stack.pop();
      const after = unboundedQuantifierAt(source, i + 1);
      if (frame?.unbounded && after) problems.push(`nested unbounded quantifier at ${i + 1}: a group with + or * inside is repeated with ${after}; this can backtrack catastrophically`);
      if (stack.length && (frame?.unbounded || after)) stack[stack.length - 1].unbounded = true;
      continue;
    }
    if (quant && stack.length) stack[stack.length - 1].unbounded = true;
  }
  return problems;
}

function unboundedQuantifierAt(s: string, i: number): string | null {
  const c = s[i];
  if (c === "+" || c === "*") return c;
  if (c === "{") {
    const m = /^\{\d+,\}/.exec(s.slice(i));
    if (m) return m[0];
  }
  return null;
}

/** Compiles an expanded pattern with indices for named groups; returns the error message on failure. */
export function compilePattern(source: string): RegExp | string {
  try {
    return new RegExp(source, "gd");
  } catch (e) {
    return `pattern does not compile: ${(e as Error).message}`;
  }
}
