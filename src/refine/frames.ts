import type { Sentence } from "../segment/types.js";
import { fiveYearPeriod } from "../segment/meta.js";

/** A sentence that sets the time of what follows: 过去五年…, “十二五”时期…, 刚刚过去的2015年…, 一年来… */
const FIVE = /^(?:各位代表[，,])?(?:回顾)?(?:过去(?:的)?五年|五年来|近五年|“?十[一二三四五六]五”?(?:时期|期间|以来|的五年)|今后五年|未来五年)/;
const YEAR = /^(?:各位代表[，,])?(?:回顾|刚刚过去的|过去的|刚过去的)?(\d{4})年(?![度底末]|以来|前|至|到|—|-)/;
const ONE = /^(?:各位代表[，,])?(?:过去一年|一年来|去年|刚刚过去的一年|过去的一年|今年以来)/;

/**
 * The period each sentence's paragraph frame sets, by sentence index: a part that reviews both a
 * five-year plan and the last year (一、“十二五”时期和2015年工作回顾) opens its paragraphs with the time
 * they speak of, and that time holds for the sentences after it in the part until another frame.
 * `timeFrames(sentences, 2016)[i]` → "2011-2015" or "2015"; null where nothing frames the sentence.
 */
export function timeFrames(sentences: readonly Sentence[], reportYear: number | null): (string | null)[] {
  const out: (string | null)[] = [];
  let frame: string | null = null;
  let part: Sentence["path"][number] | undefined;
  for (const s of sentences) {
    const top = s.path.find((h) => h.rank <= 1);
    if (top !== part) {
      part = top;
      frame = null;
    }
    const opening = s.text.slice(0, 24);
    const five = FIVE.exec(opening);
    const year = YEAR.exec(opening);
    if (five) {
      const named = fiveYearPeriod(five[0]);
      frame = named ?? (reportYear !== null ? (/今后|未来/.test(five[0]) ? `${reportYear}-${reportYear + 4}` : `${reportYear - 5}-${reportYear - 1}`) : frame);
    } else if (year) frame = year[1]!;
    else if (ONE.test(opening) && reportYear !== null) frame = /今年以来/.test(opening) ? String(reportYear) : String(reportYear - 1);
    out[s.index] = s.heading ? null : frame;
  }
  return out;
}
