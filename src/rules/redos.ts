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
 *
 * Every pattern is checked, the built-in ones too, and the verdicts are kept in a file keyed by a hash
 * of each pattern (`dist/redos-verdicts.json`, written by the build, which fails on a vulnerable
 * built-in rule): a worker then finds its built-in patterns' verdicts there in a millisecond instead of
 * loading recheck and checking 41 patterns (≈ 1.7 s). A pattern not in the file (a rule edited since
 * the build, a user's rule) is checked by recheck when it is loaded.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
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

/** What a cached verdict depends on besides the pattern: a file written under other settings is not used. */
export const CHECKER = `recheck automaton; ${PLACEHOLDER} for a fragment; lookarounds dropped; degree > ${MAX_DEGREE} refused; ${TIMEOUT_MS} ms`;
/** The verdict file next to the compiled modules (dist/redos-verdicts.json), the built one when run from src/ (tests). */
export const VERDICT_FILES = [new URL("../redos-verdicts.json", import.meta.url), new URL("../../dist/redos-verdicts.json", import.meta.url)];

/** The verdict file's contents: pattern hash → null (safe) or the problem. */
export interface VerdictFile {
  checker: string;
  verdicts: Record<string, string | null>;
}

let cached: Map<string, string | null> | null = null;
let useFile = true;

/** The key of a pattern in the verdict file: `patternKey("(?<m>\\d+)")` → 16 hex digits. */
export function patternKey(pattern: string): string {
  return createHash("sha256").update(pattern).digest("hex").slice(0, 16);
}

function fileVerdicts(): Map<string, string | null> {
  if (cached) return cached;
  cached = new Map();
  if (!useFile) return cached;
  for (const url of VERDICT_FILES) {
    try {
      const file = JSON.parse(readFileSync(url, "utf8")) as VerdictFile;
      // keyed by the pattern's hash: a file older than a pattern only lacks its verdict
      if (file.checker === CHECKER) cached = new Map(Object.entries(file.verdicts));
      break;
    } catch {
      // no file there (before the first build): the next, or every pattern checked by recheck
    }
  }
  return cached;
}

/** Every verdict reached in this process, for the build to write: `verdictFile()` → { checker, verdicts }. */
export function verdictFile(): VerdictFile {
  const out: Record<string, string | null> = {};
  for (const [pattern, verdict] of [...verdicts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out[patternKey(pattern)] = verdict;
  return { checker: CHECKER, verdicts: out };
}

/** Ignores the verdict file (the build, which writes it, and tests that inject a pattern). */
export function ignoreVerdictFile(): void {
  useFile = false;
  cached = null;
}

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
  if (verdicts.has(pattern)) return verdicts.get(pattern) ?? null;
  const known = fileVerdicts().get(patternKey(pattern));
  if (known !== undefined) {
    verdicts.set(pattern, known);
    return known;
  }
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
