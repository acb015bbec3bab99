import type { Status } from "../model/record.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { DocumentMeta } from "../model/document.js";
import type { Match } from "../match/match.js";
import type { Metric } from "../resolve/figure.js";
import type { Sentence } from "../segment/types.js";
import type { Lexicon } from "../rules/lexicon.js";
import type { Tokenizer } from "../nlp/tokenizer.js";

/** A resolved match on its way to a record: refiners drop, relabel and annotate candidates. */
export interface Candidate {
  match: Match;
  metric: Metric;
  sentence: Sentence;
  /** Span of the mention in the sentence's compact text. */
  start: number;
  end: number;
  indicator: string | null;
  /** Where this mention's indicator text ends after it (when it took the words that follow it). */
  suffixEnd: number | null;
  status: Status | null;
  period: string | null;
  periodInferred: boolean;
  /** A part of the year the sentence gives this figure alone (一季度、上半年分别增长…): "Q1", "H1", "Q1-Q3". */
  periodPart?: string;
}

export interface RefineContext {
  lexicon: Lexicon;
  tokenizer: Tokenizer;
  meta: DocumentMeta;
  diagnostics: Diagnostic[];
  docId: string;
  /** The period a paragraph frame sets for each sentence (by index), where one does (refine/frames.ts). */
  frames?: readonly (string | null)[];
}

/** A named step of refine: candidates in, candidates out (sorted by sentence, then start). */
export interface Refiner {
  name: string;
  run(cands: Candidate[], ctx: RefineContext): Candidate[];
}

/** Groups candidates by sentence index, keeping order. */
export function bySentence(cands: Candidate[]): Map<number, Candidate[]> {
  const m = new Map<number, Candidate[]>();
  for (const c of cands) {
    const list = m.get(c.sentence.index);
    if (list) list.push(c);
    else m.set(c.sentence.index, [c]);
  }
  return m;
}

/** True for the generic rules (plain percentages, quantities) that context rules may relabel. */
export function isGeneric(c: Candidate): boolean {
  return c.match.rule.spec.priority <= 12;
}

const CLAUSE_END = /[，,；;：:。！？!?]/;

/** Where the clause holding offset `at` of `s` starts: just after the last ，；：。！？ before it, or 0. */
export function clauseStart(s: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_END.test(s[i])) return i + 1;
  return 0;
}
