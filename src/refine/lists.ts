import { bySentence, isGeneric, type Candidate, type Refiner } from "./candidate.js";
import type { Qualifier } from "../model/record.js";

const JOIN = /^(?:、|和|及|与|,|，)?$/;

/** The candidates that continue a list after `first` (`分别增长9.4%、9.1%`): joined by 、和及与. */
export function listRuns(list: Candidate[]): Candidate[][] {
  const runs: Candidate[][] = [];
  let run: Candidate[] = [];
  for (const c of list) {
    const prev = run[run.length - 1];
    const between = prev ? c.sentence.text.slice(prev.end, c.start) : "";
    if (prev && between.length <= 2 && JOIN.test(between) && between !== "," && between !== "，" && prev.metric.dimension === c.metric.dimension) {
      run.push(c);
    } else {
      if (run.length > 1) runs.push(run);
      run = [c];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/**
 * `分别…、…` fan-out: a figure that continues a list takes the kind and direction of the list's first
 * figure (`分别降低5.2%和11.5%` → both changes, both negative), and a qualifier after the last figure
 * covers them all (`分别增长7%和8%左右`).
 */
export const fanOutLists: Refiner = {
  name: "fan-out-lists",
  run(cands) {
    for (const list of bySentence(cands).values()) {
      for (const run of listRuns(list)) {
        const [head] = run;
        for (const c of run.slice(1)) {
          if (!isGeneric(c) || isGeneric(head)) continue;
          c.metric = { ...c.metric, kind: head.metric.kind };
          if (head.metric.kind === "change" && head.metric.value < 0 && c.metric.value > 0) {
            c.metric.value = -c.metric.value;
            if (c.metric.value_max !== null) c.metric.value_max = -c.metric.value_max;
          }
        }
        const tail = run[run.length - 1];
        const sentence = head.sentence.text.slice(0, head.start);
        const shared: Qualifier = tail.metric.qualifier;
        if (/分别|均/.test(sentence) && shared !== "exact" && shared !== "range") {
          for (const c of run) if (c.metric.qualifier === "exact") c.metric = { ...c.metric, qualifier: shared };
        }
      }
    }
    return cands;
  },
};
