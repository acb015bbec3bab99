import type { Candidate, Refiner } from "./candidate.js";

/**
 * Keeps one candidate per stretch of text: the longest, then the earliest, then the one of highest
 * rule priority (a context rule beats the generic rule on the same span).
 */
export const dropOverlaps: Refiner = {
  name: "drop-overlaps",
  run(cands) {
    const sorted = [...cands].sort(
      (a, b) =>
        a.sentence.index - b.sentence.index ||
        b.match.rule.spec.priority - a.match.rule.spec.priority ||
        b.end - b.start - (a.end - a.start) ||
        a.start - b.start,
    );
    // same span: priority decides; different spans: the longer wins
    const kept: Candidate[] = [];
    const bySent = new Map<number, Candidate[]>();
    const ordered = [...sorted].sort(
      (a, b) =>
        a.sentence.index - b.sentence.index ||
        b.end - b.start - (a.end - a.start) ||
        a.start - b.start ||
        b.match.rule.spec.priority - a.match.rule.spec.priority,
    );
    for (const c of ordered) {
      const list = bySent.get(c.sentence.index) ?? [];
      const same = list.find((k) => k.start === c.start && k.end === c.end);
      if (same) continue;
      if (list.some((k) => k.start < c.end && c.start < k.end)) continue;
      list.push(c);
      bySent.set(c.sentence.index, list);
      kept.push(c);
    }
    // among equal spans the highest priority must be the one kept: re-pick it
    const best = new Map<string, Candidate>();
    for (const c of sorted) {
      const key = `${c.sentence.index}:${c.start}:${c.end}`;
      if (!best.has(key)) best.set(key, c);
    }
    return kept
      .map((c) => best.get(`${c.sentence.index}:${c.start}:${c.end}`)!)
      .sort((a, b) => a.sentence.index - b.sentence.index || a.start - b.start);
  },
};
