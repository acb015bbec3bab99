import type { Lexicon } from "../rules/lexicon.js";
import type { Heading, Part, Segmented, Sentence } from "./types.js";
import { matchHeading, partOf } from "./headings.js";
import { MAX_SENTENCE } from "../limits.js";

interface Piece {
  start: number;
  end: number;
  text: string;
}

const TERMINAL = /(?:[。！？!?；;：:…]|[。！？!?]["”’」』)）])$/;
const SALUTATION = /^(?:各位代表|同志们|各位委员)/;

/**
 * segment: normalized text → headings, paragraphs, sentences (with source spans), front matter and
 * excluded chrome. Lines broken by page breaks are joined again (a line that does not end a sentence
 * continues on the next non-empty line unless that line is a heading).
 */
export function segment(text: string, lex: Lexicon): Segmented {
  const pieces = splitPieces(text);
  const excluded: Segmented["excluded"] = [];

  // A trailer (glossary, licence, link list) runs to the end of the text.
  let last = pieces.length;
  for (let i = 0; i < pieces.length; i++) {
    if (pieces[i].start < text.length * 0.4) continue;
    if (lex.chromeTail.some((re) => re.test(pieces[i].text))) {
      last = i;
      excluded.push({ start: pieces[i].start, end: text.length, reason: `trailer: ${pieces[i].text.slice(0, 20)}` });
      break;
    }
  }
  const body: Piece[] = [];
  for (const p of pieces.slice(0, last)) {
    if (p.text.length <= 80 && lex.chromeLine.some((re) => re.test(p.text))) excluded.push({ start: p.start, end: p.end, reason: "page chrome" });
    else body.push(p);
  }

  // Front matter: what stands before the salutation or the first part heading, near the top.
  let bodyStart = 0;
  const limit = Math.min(4000, Math.max(600, text.length * 0.2));
  for (let i = 0; i < body.length && body[i].start <= limit; i++) {
    const h = matchHeading(body[i].text);
    if (SALUTATION.test(body[i].text) || (h && h.rank <= 1)) {
      bodyStart = i;
      break;
    }
  }
  const front = { start: 0, end: bodyStart > 0 ? body[bodyStart].start : 0 };

  const headings: Heading[] = [];
  const sentences: Sentence[] = [];
  let path: Heading[] = [];
  let paragraph = -1;
  let current: Piece[] = [];
  let currentIsHeadingTitle = false;

  const flush = () => {
    if (!current.length) return;
    paragraph++;
    emitParagraph(current, paragraph, path, currentIsHeadingTitle, sentences, text);
    current = [];
    currentIsHeadingTitle = false;
  };

  for (let i = bodyStart; i < body.length; i++) {
    const p = body[i];
    const h = matchHeading(p.text);
    const continues = current.length > 0 && !currentIsHeadingTitle && !TERMINAL.test(current[current.length - 1].text);
    if (h && !(continues && h.rank >= 3)) {
      flush();
      let title = p.text.slice(h.titleStart, h.titleEnd).trim();
      // 附件1 alone on its line: the appendix's title is the next short line
      const nextPiece = body[i + 1];
      if (!title && nextPiece && nextPiece.text.length <= 40 && !/[。！？]/.test(nextPiece.text) && !matchHeading(nextPiece.text)) {
        title = nextPiece.text;
        i++;
      }
      const heading: Heading = {
        rank: h.rank,
        numbering: h.numbering,
        title,
        label: /^附件/.test(h.numbering) ? `${h.numbering} ${title}` : `${h.numbering}${title}`,
        start: p.start,
        end: p.start + h.titleEnd,
        part: partOf(title),
      };
      headings.push(heading);
      path = [...path.filter((x) => x.rank < h.rank), heading];
      // the title is a sentence of its own (it may hold figures); the numbering is not
      current = [{ start: p.start + h.titleStart, end: p.start + h.titleEnd + (h.contentStart >= 0 ? 1 : 0), text: title }];
      currentIsHeadingTitle = true;
      flush();
      if (h.contentStart >= 0) current = [{ start: p.start + h.contentStart, end: p.end, text: p.text.slice(h.contentStart) }];
      continue;
    }
    if (!continues) flush();
    current.push(p);
  }
  flush();
  return { sentences, headings, excluded, front };
}

/** Lines, and runs of 2+ spaces inside a line (web text that lost its line breaks), trimmed. */
function splitPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lineStart = m.index;
    const parts = m[0].split(/( {2,})/);
    let off = lineStart;
    for (const part of parts) {
      if (!/^ {2,}$/.test(part)) {
        const lead = part.length - part.trimStart().length;
        const t = part.trim();
        if (t) pieces.push({ start: off + lead, end: off + lead + t.length, text: t });
      }
      off += part.length;
    }
  }
  return pieces;
}

/** An ASCII letter or digit (a space between two of them is kept in the compact text). */
function isAsciiWord(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
const CLOSERS = new Set(['"', "”", "’", "」", "』", ")", "）"]);

function emitParagraph(pieces: Piece[], paragraph: number, path: Heading[], isHeading: boolean, out: Sentence[], text: string): void {
  // compact text: white space dropped, a single space kept between two ASCII words/digits; built from
  // runs of non-space text (slices), with the source offset of every character in a typed array
  let total = pieces.length; // a kept space may stand between two pieces
  for (const p of pieces) total += p.end - p.start;
  const map = new Int32Array(total);
  const parts: string[] = [];
  let n = 0;
  let pendingSpace = -1;
  let lastCode = -1;
  for (const p of pieces) {
    let runStart = -1;
    for (let i = p.start; i <= p.end; i++) {
      const code = i < p.end ? text.charCodeAt(i) : 32;
      if (code === 32 || code === 10) {
        if (runStart >= 0) {
          parts.push(text.slice(runStart, i));
          runStart = -1;
        }
        if (i < p.end && pendingSpace < 0) pendingSpace = i;
        continue;
      }
      if (runStart < 0) {
        if (pendingSpace >= 0 && lastCode >= 0 && isAsciiWord(lastCode) && isAsciiWord(code)) {
          parts.push(" ");
          map[n++] = pendingSpace;
        }
        runStart = i;
      }
      pendingSpace = -1;
      map[n++] = i;
      lastCode = code;
    }
    pendingSpace = p.end;
  }
  if (!n) return;
  const compact = parts.join("");
  const part = partFromPath(path);
  const bounds: [number, number][] = [];
  let s = 0;
  for (let i = 0; i < compact.length; i++) {
    const ch = compact[i];
    if (ch === "。" || ch === "！" || ch === "？" || ch === "!" || ch === "?") {
      let e = i + 1;
      while (e < compact.length && CLOSERS.has(compact[e])) e++;
      pushBounded(bounds, s, e, compact);
      s = e;
      i = e - 1;
    }
  }
  if (s < compact.length) pushBounded(bounds, s, compact.length, compact);

  let topic: string | null = null;
  if (!isHeading && bounds.length > 1) {
    const [a, b] = bounds[0];
    const first = compact.slice(a, b).replace(/^[—-]+/, "");
    if (first.length <= 24 && /。$/.test(first) && !/[0-9%]/.test(first) && !/[，,；;]/.test(first)) topic = first.slice(0, -1);
  }
  for (const [a, b] of bounds) {
    const last = map[b - 1] + 1;
    const full = new Int32Array(b - a + 1);
    full.set(map.subarray(a, b));
    full[b - a] = last;
    out.push({
      index: out.length,
      text: compact.slice(a, b),
      map: full,
      start: map[a],
      end: last,
      paragraph,
      path,
      topic,
      heading: isHeading,
      part,
    });
  }
}

/** Cuts an over-long run (a 5 MB line without punctuation) into sentences of at most MAX_SENTENCE. */
function pushBounded(bounds: [number, number][], s: number, e: number, compact: string): void {
  while (e - s > MAX_SENTENCE) {
    let cut = -1;
    for (let i = s + MAX_SENTENCE; i > s + MAX_SENTENCE / 2; i--) {
      if (/[，,；;、]/.test(compact[i - 1])) {
        cut = i;
        break;
      }
    }
    if (cut < 0) cut = s + MAX_SENTENCE;
    bounds.push([s, cut]);
    s = cut;
  }
  if (e > s) bounds.push([s, e]);
}

/** The part (review/plan) of the innermost top-level heading that says so. */
export function partFromPath(path: Heading[]): Part | null {
  for (let i = path.length - 1; i >= 0; i--) {
    if (path[i].rank <= 1 && path[i].part) return path[i].part;
  }
  for (let i = path.length - 1; i >= 0; i--) if (path[i].part) return path[i].part;
  return null;
}
