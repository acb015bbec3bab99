/** A numbered heading line of a report's text, for the review page's outline. */
export interface Heading {
  /** 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）`. */
  level: number;
  start: number;
  end: number;
  /** The heading's text without its numbering. */
  title: string;
}

const PATTERNS: [number, RegExp][] = [
  [1, /^[一二三四五六七八九十]+、\s*/],
  [2, /^[（(][一二三四五六七八九十]+[)）]\s*/],
  [3, /^\d{1,2}[.．、](?!\d)\s*/],
  [4, /^[（(]\d{1,2}[)）]\s*/],
];

/**
 * The numbered heading lines of a text (display only; the extractor's own segmenter decides sections):
 * `findHeadings("一、工作回顾\n…")` → [{ level: 1, start: 0, end: 6, title: "工作回顾" }].
 * A line counts when it starts with a numbering and its first sentence (up to the first 。) is at most
 * 60 characters: `（一）创新宏观调控。面对…` → title `创新宏观调控`.
 */
export function findHeadings(text: string): Heading[] {
  const out: Heading[] = [];
  let pos = 0;
  for (const line of text.split("\n")) {
    const start = pos;
    pos += line.length + 1;
    const trimmed = line.replace(/^[\s\u3000]+/, "");
    const lead = line.length - trimmed.length;
    for (const [level, re] of PATTERNS) {
      const m = re.exec(trimmed);
      if (!m) continue;
      const rest = trimmed.slice(m[0].length).replace(/\s+$/, "");
      const stop = rest.indexOf("。");
      const head = stop >= 0 && stop < rest.length - 1 ? rest.slice(0, stop + 1) : rest;
      if (!head || head.length > 60) break;
      const title = head.replace(/[。；;：:]$/, "");
      const end = start + lead + m[0].length + head.length;
      out.push({ level, start: start + lead, end, title });
      break;
    }
  }
  return out;
}
