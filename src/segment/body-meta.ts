import type { DocumentMeta } from "../model/document.js";
import type { Heading, Sentence } from "./types.js";
import { splitRegion } from "./meta.js";

/**
 * The region of the government that delivers the report, from the opening words of the body when the
 * front matter names none: `reporterRegion("现在，我代表国务院，向大会作政府工作报告")` → { region: "全国", level: "national" };
 * `我代表深圳市人民政府` → 深圳市 (city); `我代表省人民政府` → level provincial, no name.
 */
export function reporterRegion(opening: string): Partial<DocumentMeta> | null {
  const flat = opening.replace(/\s+/g, "");
  const m = /我代表([\u4e00-\u9fa5]{1,30}?)(?:人民政府|政府)?[，,]?向(?:大会|本次大会|全体代表)/.exec(flat);
  if (!m) return null;
  const who = m[1]!;
  if (/^国务院$|^中央人民政府$/.test(who)) return { region: "全国", level: "national" };
  const generic: Record<string, DocumentMeta["level"]> = { 省: "provincial", 自治区: "provincial", 市: "city", 州: "city", 盟: "city", 区: "county", 县: "county", 旗: "county", 镇: "town", 乡: "town", 街道: "town", 街道办事处: "town" };
  if (generic[who]) return { level: generic[who] };
  const place = splitRegion(who.replace(/(?:人民政府|政府)$/, ""));
  return place.level ? place : null;
}

/**
 * The year a report without a date was delivered: the year its first review part names as a first half
 * (一、2023年上半年工作回顾 → 2023, a mid-year report), else the year after the one it reviews.
 * `deliveredYear(sentences, headings)` → 2015 for a report reviewing 2014.
 */
export function deliveredYear(sentences: readonly Sentence[], headings: readonly Heading[]): number | null {
  const half = headings.find((h) => h.rank <= 1 && h.part === "review" && /(\d{4})年上半年/.test(h.title));
  if (half) return Number(/(\d{4})年上半年/.exec(half.title)![1]);
  const reviewed = reviewedYear(sentences, headings);
  return reviewed === null ? null : reviewed + 1;
}

/**
 * The year a report reviews, when its front matter gives no date: a year its first (review) part
 * states results for — goals (到2020年), price bases (1990年价) left out — that agrees with the years
 * its part headings name (2014 under 三、2015年主要工作); without such headings, the latest year the
 * review names at least twice. `reviewedYear(sentences, headings)` → 2014 for a report of early 2015.
 */
export function reviewedYear(sentences: readonly Sentence[], headings: readonly Heading[]): number | null {
  const first = sentences.find((s) => s.part === "review");
  if (!first) return null;
  const top = first.path.find((h) => h.rank <= 1) ?? null;
  const counts = new Map<number, number>();
  for (const s of sentences) {
    if (s.part !== "review") continue;
    // only the first review part (under the same top heading)
    if (top && s.path.find((h) => h.rank <= 1) !== top) continue;
    for (const m of s.text.matchAll(/(.)?(\d{4})年(?!度|(?:不变|可比)?价|前|以前|底前)/g)) {
      if (/[到至迄]/.test(m[1] ?? "")) continue;
      const y = Number(m[2]);
      if (y >= 1950 && y <= 2100) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  const years = [...counts.keys()].sort((a, b) => b - a);
  if (!years.length) return null;
  const named = headings.filter((h) => h.rank <= 1).flatMap((h) => {
    const m = /(\d{4})年/.exec(h.title);
    return m ? [{ year: Number(m[1]), review: /回顾|总结|成绩|完成情况|执行情况/.test(h.title) }] : [];
  });
  if (named.length) {
    const reviewed = years.find((y) => named.some((n) => n.review && n.year === y));
    if (reviewed !== undefined) return reviewed;
    const before = years.find((y) => named.some((n) => !n.review && n.year === y + 1));
    return before ?? null;
  }
  return years.find((y) => (counts.get(y) ?? 0) >= 2) ?? years[0]!;
}
