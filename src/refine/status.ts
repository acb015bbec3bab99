import { clauseStart, type Refiner } from "./candidate.js";
import { LAST_YEAR } from "./period.js";
import type { Status } from "../model/record.js";

// In a review part (or a text without parts), a sentence that states an aim is a target.
const TARGET = /预期目标|主要目标|目标是|目标为|目标任务是|力争|计划(?:到|在|于|今年|明年|全年|年内|新建|完成)|争取(?:到|在|于|实现|达到|完成)|规划到|预计到/;
// A review that says a target was met names the target, not an aim: 超过预期目标, 主要目标任务全面完成.
const ATTAINED = /(?:超过|超额完成|完成|实现|好于|高于|低于|达到|优于|接近)了?(?:全年|年度|年初|预定|既定)?(?:的)?(?:预期目标|主要目标(?:任务)?|目标任务|预期)|(?:预期目标|主要目标(?:任务)?|目标任务)[^，。；]{0,6}?(?:完成|实现|达到)/g;
// Only in a text without parts: the weaker markers of an aim.
// (not 将近, 主要/重要/需要/要求, 年度计划的 — a plan a result is measured against)
const TARGET_WEAK = /确保|(?<!即)将(?!近)|(?<![主重需必只])要(?![求素点])|拟|预计|计划(?!的|数|任务的)|争取/;
// In a plan part, a sentence that reports a result stays actual.
const ACTUAL = /^(?:去年|过去一年|过去五年|上半年|今年以来|截至目前|截至\d)|已(?:经)?(?:完成|实现|建成|达到|累计|超过|突破)|完成了|实现了|达到了|取得了/;

/** `statusOf("review", "确保每月巡河率达 100%", 2023)` → "actual" (a review reports what was done). */
export function statusOf(part: "review" | "plan" | null, sentence: string, reportYear: number | null): Status {
  const future = /到(20\d\d)年/.exec(sentence);
  // 到2025年: a year at or after the report's is an aim; with no parts and no date to compare, an aim too
  const futureYear = future !== null && (reportYear !== null ? Number(future[1]) >= reportYear : part === null);
  if (part === "plan") return ACTUAL.test(sentence) && !futureYear ? "actual" : "target";
  if (TARGET.test(sentence.replace(ATTAINED, "")) || futureYear) return "target";
  if (part === null && TARGET_WEAK.test(sentence)) return "target";
  return "actual";
}

/**
 * The status the figure's own clause gives, when it names its time: `clauseStatus("今年计划新增就业", "plan")`
 * → "target"; `clauseStatus("在去年完成投资", "plan")` → "actual"; null when the clause does not say.
 * A review part keeps its reading of aims (力争, 计划) from the whole sentence.
 */
export function clauseStatus(clause: string, part: "review" | "plan" | null): Status | null {
  if (LAST_YEAR.test(clause)) return "actual";
  // (not 今年以来, 今年1-10月, 今年前三季度, 今年上半年: what a year-end summary reports)
  if (part !== "review" && /今年(?!以来|[\d一二三四五六七八九十前上]|截至)|明年|力争|计划(?!的|数)|确保|争取/.test(clause)) return "target";
  return null;
}

/** actual or target: from the part (review/plan) of the section, overridden by the sentence, then by the figure's clause. */
export const assignStatus: Refiner = {
  name: "assign-status",
  run(cands, ctx) {
    for (const c of cands) {
      const s = c.sentence.text;
      c.status = clauseStatus(s.slice(clauseStart(s, c.start), c.start), c.sentence.part) ?? statusOf(c.sentence.part, s, ctx.meta.report_year);
    }
    return cands;
  },
};
