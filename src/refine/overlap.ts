import type { Candidate, Refiner } from "./candidate.js";

/**
 * Keeps one candidate per stretch of text. On the same span the rule of highest priority wins (the
 * context rule `change-percent` beats the generic `rate-percent`); between overlapping spans the
 * longest wins, then the earliest.
 */
export const dropOverlaps: Refiner = {
  name: "drop-overlaps",
  run(cands) {
    // one candidate per span: the highest priority (the first met wins a tie, as rules are sorted)
    const bySpan = new Map<string, Candidate>();
    for (const c of cands) {
      const key = `${c.sentence.index}:${c.start}:${c.end}`;
      const seen = bySpan.get(key);
      if (!seen || c.match.rule.spec.priority > seen.match.rule.spec.priority) bySpan.set(key, c);
    }
    const ordered = [...bySpan.values()].sort(
      (a, b) => a.sentence.index - b.sentence.index || b.end - b.start - (a.end - a.start) || a.start - b.start,
    );
    const kept: Candidate[] = [];
    const bySentence = new Map<number, Candidate[]>();
    for (const c of ordered) {
      const list = bySentence.get(c.sentence.index) ?? [];
      if (list.some((k) => k.start < c.end && c.start < k.end)) continue;
      list.push(c);
      bySentence.set(c.sentence.index, list);
      kept.push(c);
    }
    return kept.sort((a, b) => a.sentence.index - b.sentence.index || a.start - b.start);
  },
};
