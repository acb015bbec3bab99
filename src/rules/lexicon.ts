import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Qualifier } from "../model/record.js";
import { LexiconSchemas, type LexiconName, type UnitEntry } from "./schema.js";
import { readYaml, type RuleProblem } from "./yaml-file.js";

/** Every lexicon, merged over the rule folders and indexed for the stages. */
export interface Lexicon {
  /** Surface form → unit entry (`万元` is not here: 万 is a magnitude). */
  units: Map<string, UnitEntry>;
  magnitudes: Map<string, number>;
  qualPrefix: Map<string, Qualifier>;
  qualSuffix: Map<string, Qualifier>;
  up: Set<string>;
  down: Set<string>;
  reach: Set<string>;
  terms: { term: string; tag: string }[];
  labelHeads: Set<string>;
  labelPointers: Set<string>;
  chromeLine: RegExp[];
  chromeTail: RegExp[];
  negatives: { text: string; why: string }[];
  /** How indicator phrases are read against the catalogue (indicator-names.yaml). */
  names: {
    scope: string[];
    noise: string[];
    growth: string[];
    joiners: string[];
    modifiers: Set<string>;
    split: Map<string, string[]>;
  };
  /** Number-like spans the review page offers as possible misses, and what explains one (misses.yaml). */
  misses: {
    numberLike: string[];
    notFigures: { pattern: string; why: string }[];
    examples: { text: string; candidates: string[] }[];
    counterexamples: string[];
  };
  /** What makes a figure a headline cell (headline.yaml). */
  headline: {
    mainTargets: string[];
    subRegions: string[];
    wholeRegion: string[];
    likeForLike: string[];
    totals: string[];
    oneYear: string[];
    notHeadline: string[];
    notHeadlinePatterns: RegExp[];
    cap: string[];
    floor: RegExp[];
    absent: RegExp[];
  };
}

export function emptyLexicon(): Lexicon {
  return {
    units: new Map(), magnitudes: new Map(), qualPrefix: new Map(), qualSuffix: new Map(),
    up: new Set(), down: new Set(), reach: new Set(), terms: [], labelHeads: new Set(), labelPointers: new Set(),
    chromeLine: [], chromeTail: [], negatives: [],
    names: { scope: [], noise: [], growth: [], joiners: [], modifiers: new Set(), split: new Map() },
    misses: { numberLike: [], notFigures: [], examples: [], counterexamples: [] },
    headline: { mainTargets: [], subRegions: [], wholeRegion: [], likeForLike: [], totals: [], oneYear: [], notHeadline: [], notHeadlinePatterns: [], cap: [], floor: [], absent: [] },
  };
}

const FILES: LexiconName[] = ["units", "magnitudes", "qualifiers", "change-verbs", "domain-terms", "labels", "chrome", "negatives", "indicator-names", "headline", "misses"];

/** Merges the lexicon files of one rule folder (`<dir>/lexicon/*.yaml`) into `lex`; returns the problems. */
export function mergeLexiconDir(lex: Lexicon, dir: string, display: (f: string) => string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const name of FILES) {
    const file = join(dir, "lexicon", `${name}.yaml`);
    if (!existsSync(file)) continue;
    const parsed = readYaml(file, LexiconSchemas[name] as never, display(file));
    problems.push(...parsed.problems);
    if (!parsed.value) continue;
    const v = parsed.value as Record<string, unknown>;
    switch (name) {
      case "units":
        for (const u of (v as { units: UnitEntry[] }).units) {
          for (const form of u.forms ?? [u.unit]) lex.units.set(form, u);
          if (!lex.units.has(u.unit) && u.forms?.length) lex.units.set(u.unit, u);
        }
        break;
      case "magnitudes":
        for (const [k, n] of Object.entries(v.magnitudes as Record<string, number>)) lex.magnitudes.set(k, n);
        break;
      case "qualifiers": {
        const q = v as { prefix: Record<Qualifier, string[]>; suffix: Record<Qualifier, string[]> };
        for (const [qual, forms] of Object.entries(q.prefix)) for (const f of forms) lex.qualPrefix.set(f, qual as Qualifier);
        for (const [qual, forms] of Object.entries(q.suffix)) for (const f of forms) lex.qualSuffix.set(f, qual as Qualifier);
        break;
      }
      case "change-verbs": {
        const c = v as { up: string[]; down: string[]; reach: string[] };
        c.up.forEach((x) => lex.up.add(x));
        c.down.forEach((x) => lex.down.add(x));
        c.reach.forEach((x) => lex.reach.add(x));
        break;
      }
      case "domain-terms":
        lex.terms.push(...(v as { terms: { term: string; tag: string }[] }).terms);
        break;
      case "labels": {
        const l = v as { heads: string[]; pointers: string[] };
        l.heads.forEach((x) => lex.labelHeads.add(x));
        l.pointers.forEach((x) => lex.labelPointers.add(x));
        break;
      }
      case "chrome": {
        const c = v as { line: string[]; tail: string[] };
        const compile = (list: string[], key: string, out: RegExp[]) =>
          list.forEach((src, i) => {
            try {
              out.push(new RegExp(src));
            } catch (e) {
              problems.push({ file: display(file), line: parsed.lineOf([key, i]), rule: null, message: `${key}[${i}]: bad regular expression: ${(e as Error).message}` });
            }
          });
        compile(c.line, "line", lex.chromeLine);
        compile(c.tail, "tail", lex.chromeTail);
        break;
      }
      case "negatives":
        lex.negatives.push(...(v as { negatives: { text: string; why: string }[] }).negatives);
        break;
      case "indicator-names": {
        const n = v as Partial<Record<"scope" | "noise" | "growth" | "joiners" | "modifiers", string[]>> & { split?: Record<string, string[]> };
        const longestFirst = (list: string[]) => list.sort((a, b) => b.length - a.length);
        lex.names.scope = longestFirst([...lex.names.scope, ...(n.scope ?? [])]);
        lex.names.noise = longestFirst([...lex.names.noise, ...(n.noise ?? [])]);
        lex.names.growth = longestFirst([...lex.names.growth, ...(n.growth ?? [])]);
        lex.names.joiners = longestFirst([...lex.names.joiners, ...(n.joiners ?? [])]);
        (n.modifiers ?? []).forEach((x) => lex.names.modifiers.add(x));
        for (const [k, parts] of Object.entries(n.split ?? {})) lex.names.split.set(k, parts);
        break;
      }
      case "misses": {
        const m = v as Partial<{ number_like: string[]; not_figures: { pattern: string; why: string }[]; examples: { text: string; candidates: string[] }[]; counterexamples: string[] }>;
        lex.misses.numberLike.push(...(m.number_like ?? []));
        lex.misses.notFigures.push(...(m.not_figures ?? []));
        lex.misses.examples.push(...(m.examples ?? []));
        lex.misses.counterexamples.push(...(m.counterexamples ?? []));
        break;
      }
      case "headline": {
        const h = v as Partial<Record<"main_targets" | "sub_regions" | "whole_region" | "like_for_like" | "totals" | "one_year" | "not_headline" | "not_headline_patterns" | "cap" | "floor" | "absent", string[]>>;
        lex.headline.mainTargets.push(...(h.main_targets ?? []));
        lex.headline.subRegions.push(...(h.sub_regions ?? []));
        lex.headline.wholeRegion.push(...(h.whole_region ?? []));
        lex.headline.likeForLike.push(...(h.like_for_like ?? []));
        lex.headline.totals.push(...(h.totals ?? []));
        lex.headline.oneYear.push(...(h.one_year ?? []));
        lex.headline.notHeadline.push(...(h.not_headline ?? []));
        lex.headline.cap.push(...(h.cap ?? []));
        const compile = (list: string[] | undefined, key: string, out: RegExp[]) =>
          (list ?? []).forEach((src, i) => {
            try {
              out.push(new RegExp(src));
            } catch (e) {
              problems.push({ file: display(file), line: parsed.lineOf([key, i]), rule: null, message: `${key}[${i}]: bad regular expression: ${(e as Error).message}` });
            }
          });
        compile(h.not_headline_patterns, "not_headline_patterns", lex.headline.notHeadlinePatterns);
        compile(h.floor, "floor", lex.headline.floor);
        compile(h.absent, "absent", lex.headline.absent);
        break;
      }
    }
  }
  return problems;
}

/** Regex alternation of literal forms, longest first: `alternation(["元","万元"])` → `万元|元`. */
export function alternation(forms: Iterable<string>): string {
  const list = [...new Set(forms)].filter(Boolean).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return list.map(escapeRegExp).join("|");
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
