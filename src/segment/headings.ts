import type { Heading, Part } from "./types.js";

const CN = "[一二三四五六七八九十]+";

/** Numbering styles of headings, by rank (outermost first). */
const STYLES: { rank: number; re: RegExp }[] = [
  { rank: 0, re: new RegExp(`^(附件\\s*\\d*)\\s*[：:]?\\s*`) },
  { rank: 0, re: new RegExp(`^(第${CN}部分)\\s*[、，：:.]?\\s*`) },
  { rank: 1, re: new RegExp(`^(${CN}、)\\s*`) },
  // a part heading alone on its line without numbering (2024年工作总结, 下半年工作打算), as town reports copied from the web have
  { rank: 1, re: /^()(?=(?:\d{4}年度?|[〇零一二三四五六七八九]{4}年|过去[一五]年|今年|明年|上半年|下半年)?[^\s，。；：:,.;!?！？、]{0,12}?(?:工作回顾|工作总结|工作计划|工作安排|工作打算|工作思路|工作目标|工作部署|目标任务|主要任务)[：:]?$)/ },
  { rank: 2, re: new RegExp(`^([（(]${CN}[）)])\\s*[、.]?\\s*`) },
  { rank: 3, re: new RegExp(`^(${CN}是)(?=[^，。；、]{2,})`) },
  // 第一，稳定和完善宏观经济政策。…: a paragraph opening with its heading, as 一是…。
  { rank: 3, re: new RegExp(`^(第${CN}[，,、])(?=[^，。；、]{2,})`) },
  { rank: 4, re: /^(\d{1,2}[.、](?!\d))\s*/ },
  { rank: 5, re: /^([（(]\d{1,2}[）)])\s*[、.]?\s*/ },
];

export interface HeadingMatch {
  rank: number;
  numbering: string;
  /** Offset (in the piece) where the title starts. */
  titleStart: number;
  /** Offset (in the piece) where the title ends (before 。 or the end of a short line). */
  titleEnd: number;
  /** Offset (in the piece) where content after the title starts, or -1 when the line is only a heading. */
  contentStart: number;
}

/**
 * Recognizes a heading at the start of a line: `一、…`, `（一）…`, `(一)…`, `1.`, `（1）`, `第一部分`,
 * and paragraphs that open with `一是…。`, `第一，…。` or `（一）…。` (the heading ends at the first 。).
 * `matchHeading("（一）坚持生态优先，促进环境质量持续改善")` → { rank: 2, numbering: "（一）", … }
 */
export function matchHeading(line: string): HeadingMatch | null {
  for (const { rank, re } of STYLES) {
    const m = re.exec(line);
    if (!m) continue;
    const titleStart = m[0].length;
    const rest = line.slice(titleStart);
    if (!rest.trim()) return m[1].startsWith("附件") ? { rank, numbering: m[1], titleStart, titleEnd: titleStart, contentStart: -1 } : null;
    const stop = rest.search(/[。！？!?]/);
    if (stop >= 0) {
      const after = rest.slice(stop + 1).trim();
      // a short heading line ending in 。 and a paragraph opening with its heading both end the title at 。
      if (rank === 3 || rank === 2 || rank === 0 || rank === 1 || stop <= 60 || !after) {
        return { rank, numbering: m[1], titleStart, titleEnd: titleStart + stop, contentStart: after ? titleStart + stop + 1 : -1 };
      }
      return null;
    }
    if (rank === 3) return null; // 一是… without 。 is a list item inside a sentence
    // A heading line without 。: short, and not a sentence broken across lines (ends in ，).
    const trimmed = rest.replace(/\s+$/, "");
    if (trimmed.length > 60 || /[，,；;、]$/.test(trimmed)) return null;
    const titleEnd = titleStart + trimmed.replace(/[：:]$/, "").length;
    return { rank, numbering: m[1], titleStart, titleEnd, contentStart: -1 };
  }
  return null;
}

const REVIEW = /回顾|成绩|总结|过去|工作情况|主要工作|取得|成效|进展|完成情况|执行情况/g;
const PLAN = /打算|安排|计划|目标|任务|建议|思路|展望|部署|今后|下一步|下半年|重点工作|总体要求|工作意见|预期|民生实事|实事项目/g;

/** Classifies a part heading as review or plan; the keyword that comes last wins. `partOf("2023年下半年工作打算")` → "plan" */
export function partOf(title: string): Part | null {
  const last = (re: RegExp) => {
    let pos = -1;
    for (const m of title.matchAll(re)) pos = m.index ?? pos;
    return pos;
  };
  const r = last(REVIEW);
  const p = last(PLAN);
  if (r < 0 && p < 0) return null;
  return r > p ? "review" : "plan";
}

const EXPLICIT_REVIEW = /回顾|总结|成绩|完成情况|执行情况|进展/;

/**
 * A part heading that names a year says which part it is, given the year the report was delivered:
 * `2023年主要工作` in a report of 2024 reviews, `2024年主要工作` plans (unless it says 回顾/总结).
 * Returns whether any heading changed.
 */
export function reclassifyParts(headings: Heading[], deliveredYear: number | null): boolean {
  if (deliveredYear === null) return false;
  let changed = false;
  for (const h of headings) {
    if (h.rank > 1) continue;
    const y = /(\d{4})年/.exec(h.title);
    if (!y) continue;
    const year = Number(y[1]);
    const part = year < deliveredYear ? "review" : EXPLICIT_REVIEW.test(h.title) ? h.part : "plan";
    if (part !== h.part) {
      h.part = part;
      changed = true;
    }
  }
  return changed;
}
