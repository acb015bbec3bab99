import type { Candidate, Refiner, RefineContext } from "./candidate.js";
import { fiveYearPeriod, headingPeriod } from "../segment/meta.js";

/** 去年/上年 naming the year before, not the base of a comparison (比上年, 是上年的, 从上年的) nor 上年同期/上年度. */
export const LAST_YEAR = /(?<![比较同与是为由从])(?:去年|上年|过去一年)(?!同期|度)/;
const LAST_YEAR_ALL = new RegExp(LAST_YEAR.source, "g");
/** For the baseline figure itself, 上年 is its period even as the base of a comparison. */
const LAST_YEAR_BASE_ALL = /(?:去年|上年)(?!同期|度)/g;

/**
 * The period a figure refers to, from its sentence when it says so (`2015年`, `到2030年`, `“十二五”
 * 期间`, `五年来`, `上半年`), else from the part it stands in (marked inferred).
 */
export function periodOf(c: Candidate, ctx: RefineContext): { period: string | null; inferred: boolean } {
  const s = c.sentence.text;
  const before = s.slice(0, c.start);
  const year = ctx.meta.report_year;
  const to = /到(20\d\d)年/.exec(s);
  if (to) return { period: to[1], inferred: false };
  // the nearest year before the figure that is not a comparison base (比2010年) or a start (由2010年的)
  // (not a price base: 1990年价, 1990年不变价, 2000年可比价)
  const years = [...before.matchAll(/(.)?(\d{4})年(上半年|一季度|前三季度|下半年)?(?!度|(?:不变|可比)?价)/g)].filter((m) => {
    const y = Number(m[2]);
    if (y < 1950 || y > 2100) return false;
    return c.metric.kind === "baseline" || !/[比较是与同由从]/.test(m[1] ?? "");
  });
  const last = years[years.length - 1];
  if (last) {
    const suffix = last[3] === "上半年" ? "H1" : last[3] === "下半年" ? "H2" : last[3] === "一季度" ? "Q1" : last[3] === "前三季度" ? "Q1-Q3" : "";
    return { period: `${last[2]}${suffix}`, inferred: false };
  }
  // a five-year plan that frames the statement (“十二五”时期/期间/以来), not one that is named (完成“十三五”规划)
  const frame = /十[一二三四五六]五”?(?:时期|期间|以来|末)/.exec(s);
  const five = frame ? fiveYearPeriod(frame[0]) : null;
  if (five) return { period: five, inferred: false };
  if (year !== null) {
    if (/五年来|过去五年|五年累计|五年共/.test(s)) return { period: `${year - 5}-${year - 1}`, inferred: false };
    if (/十年来|过去十年|十年累计/.test(s)) return { period: `${year - 10}-${year - 1}`, inferred: false };
  }
  const part = c.sentence.part;
  // the period of the part heading the figure stands under (三、2016年工作安排 → 2016), else the report's
  const partHeading = [...c.sentence.path].reverse().find((h) => h.rank <= 1 && h.part);
  const fromHeading = partHeading?.part ? headingPeriod(partHeading.title, partHeading.part, year) : null;
  const fromPart = fromHeading ?? (part === "plan" ? ctx.meta.plan_period : part === "review" ? ctx.meta.review_period : null);
  if (year !== null) {
    // 上年 names the period only where it is not the base of a comparison (比上年, 是上年的, 从上年的),
    // except for the baseline figure itself, whose period it is
    const lastYear = c.metric.kind === "baseline" ? LAST_YEAR_BASE_ALL : LAST_YEAR_ALL;
    // 今年 and 全年 in a plan part are the year it plans (a year-end summary's plan part plans the next)
    const planYear = part === "plan" && fromPart && /^\d{4}$/.test(fromPart) ? fromPart : String(year);
    // the nearer of 去年 and 今年 before the figure (去年…320人，今年计划…350人)
    const lastAt = Math.max(-1, ...[...before.matchAll(lastYear)].map((m) => m.index ?? -1));
    const thisAt = before.lastIndexOf("今年");
    if (lastAt > thisAt) return { period: String(year - 1), inferred: false };
    if (thisAt >= 0) return { period: part === "plan" ? planYear : String(year), inferred: false };
    if (/全年/.test(before) && part !== "review") return { period: planYear, inferred: false };
  }
  if (fromPart) {
    if (/上半年/.test(before) && /^\d{4}$/.test(fromPart)) return { period: `${fromPart}H1`, inferred: false };
    // a part that reviews a five-year plan and the last year: the time its paragraph opened with
    // (only where the part and the paragraph differ in span: a year within a five-year review, or the reverse)
    const frame = part === "review" ? ctx.frames?.[c.sentence.index] : null;
    const span = (p: string) => /^\d{4}-\d{4}$/.test(p);
    return { period: frame && span(frame) !== span(fromPart) ? frame : fromPart, inferred: true };
  }
  if (year !== null) return { period: String(part === "review" ? year - 1 : year), inferred: true };
  return { period: null, inferred: true };
}

export const assignPeriod: Refiner = {
  name: "assign-period",
  run(cands, ctx) {
    for (const c of cands) {
      const p = periodOf(c, ctx);
      // a part of the year given for this figure alone (一季度、上半年分别增长…), within the year found
      if (c.periodPart !== undefined && p.period && /^\d{4}/.test(p.period)) {
        p.period = `${p.period.slice(0, 4)}${c.periodPart}`;
        p.inferred = false;
      }
      c.period = p.period;
      c.periodInferred = p.inferred;
    }
    return cands;
  },
};
