/**
 * A real ReDoS analysis of rule patterns, by recheck (https://makenowjust-labs.github.io/recheck/):
 * its automaton checker decides whether a pattern can backtrack exponentially or in a polynomial of
 * high degree, and gives an attack string. It runs offline (the checker is in the package; the
 * recheck-linux-x64 binary when installed, else pure JavaScript).
 *
 * A pattern is checked as written in its file, each `{FRAGMENT}` standing for a short run of digits or
 * Chinese characters and lookarounds left out (they only narrow what matches; the automaton checker
 * does not take them): the check is then a few milliseconds, where the expanded patterns (thousands of
 * characters of unit alternations) take the checker minutes. The fragments are checked on their own,
 * the same way. Every unanchored search is quadratic in the worst case (each start position), so
 * degree 2 is what a plain rule has; degree 3 and up, or exponential, is refused.
 */
import { createRequire } from "node:module";

/** recheck, loaded on the first pattern checked: a run without user rules never loads it (start-up cost). */
let checker: typeof import("recheck").checkSync | null = null;
const checkSync: typeof import("recheck").checkSync = (...args) => {
  checker ??= (createRequire(import.meta.url)("recheck") as typeof import("recheck")).checkSync;
  return checker(...args);
};

/** What a fragment reference stands for in the analysis: a bounded run of digits or Chinese characters. */
const PLACEHOLDER = "(?:[0-9一-龥]{1,2})";
/** Past this the checker's verdict is unknown and the pattern is let through (the hard time limit of a document still holds). */
const TIMEOUT_MS = 1000;
const MAX_DEGREE = 2;

const verdicts = new Map<string, string | null>();

/** The pattern with its lookarounds (`(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`) removed. */
export function withoutLookarounds(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\") {
      out += s.slice(i, i + 2);
      i++;
      continue;
    }
    if (s.startsWith("(?=", i) || s.startsWith("(?!", i) || s.startsWith("(?<=", i) || s.startsWith("(?<!", i)) {
      let depth = 0;
      let cls = false;
      for (; i < s.length; i++) {
        const c = s[i];
        if (c === "\\") {
          i++;
          continue;
        }
        if (cls) {
          if (c === "]") cls = false;
          continue;
        }
        if (c === "[") cls = true;
        else if (c === "(") depth++;
        else if (c === ")" && --depth === 0) break;
      }
      continue;
    }
    out += s[i];
  }
  return out;
}

/**
 * Null when the pattern cannot backtrack catastrophically, else the problem:
 * `redosProblem("(?:a|a)*b")` → "can backtrack catastrophically (exponential in the length of the text; e.g. on "aaaa…")".
 */
export function redosProblem(pattern: string): string | null {
  const cached = verdicts.get(pattern);
  if (cached !== undefined) return cached;
  const skeleton = withoutLookarounds(pattern.replace(/\{[A-Z][A-Z0-9_]*\}/g, PLACEHOLDER));
  let verdict: string | null = null;
  try {
    const d = checkSync(skeleton, "", { checker: "automaton", timeout: TIMEOUT_MS });
    if (d.status === "vulnerable") {
      const c = d.complexity as { type: string; degree?: number } | undefined;
      const degree = c?.type === "polynomial" ? (c.degree ?? 0) : Infinity;
      if (degree > MAX_DEGREE) {
        const attack = (d as { attack?: { string?: string } }).attack?.string;
        const shown = attack ? `; e.g. on "${attack.length > 40 ? `${attack.slice(0, 40)}…` : attack}"` : "";
        verdict = `can backtrack catastrophically (${c?.type === "polynomial" ? `time grows as the ${degree}th power of the text's length` : "exponential in the length of the text"}${shown}); rewrite it so no two ways of matching overlap (recheck)`;
      }
    }
  } catch {
    verdict = null;
  }
  verdicts.set(pattern, verdict);
  return verdict;
}
