import { createRequire } from "node:module";

/**
 * normalize: source text → a text of the same length for matching, so offsets need no map
 * (`toSource(i) === i`): full-width digits, letters and signs folded to ASCII, odd spaces and
 * zero-width characters to a plain space, CR to a space (CRLF) or a line break (lone CR), Traditional
 * characters to Simplified. Changes that would alter the length are not made.
 */
export interface Normalized {
  /** Same length as the source. */
  text: string;
  /** True when Traditional characters were converted. */
  traditional: boolean;
}

// Full-width forms that become ASCII; Chinese punctuation （），：；！？ keeps its full width.
const KEEP_WIDE = new Set(["（", "）", "，", "：", "；", "！", "？", "［", "］", "｛", "｝", "＂", "＇", "｀", "＼", "｜", "＾", "＿"]);
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b-\u200d\u2060\ufeff\u00ad\t\f\v]/;

/** `normalize("ＧＤＰ增长５．２％")` → { text: "GDP增长5.2%" } */
export function normalize(source: string): Normalized {
  // unchanged runs are copied as slices: a character at a time, a long text would be a rope of
  // millions of one-character strings (a 60 MB report: 1.2 GB of heap and 6 s)
  const pieces: string[] = [];
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    let rep: string | null = null;
    if (code >= 0xff01 && code <= 0xff5e) {
      const ch = source[i] as string;
      if (!KEEP_WIDE.has(ch)) rep = String.fromCharCode(code - 0xfee0);
    } else if (code === 0x0d) rep = source.charCodeAt(i + 1) === 0x0a ? " " : "\n";
    else if (code === 0x2028 || code === 0x2029 || code === 0x85) rep = "\n";
    else if (code === 0xfe6a) rep = "%";
    else if ((code < 0x20 || code >= 0xa0) && SPACES.test(source[i] as string)) rep = " ";
    if (rep === null) continue;
    if (i > from) pieces.push(source.slice(from, i));
    pieces.push(rep);
    from = i + 1;
  }
  const changed = pieces.length > 0;
  if (changed && from < source.length) pieces.push(source.slice(from));
  const text = changed ? pieces.join("") : source;
  if (!looksTraditional(text)) return { text, traditional: false };
  const converted = toSimplified(text);
  return converted.length === text.length ? { text: converted, traditional: true } : { text, traditional: false };
}

// Common characters that exist only in Traditional script; a handful of them marks a Traditional text.
const TRADITIONAL_MARKERS = /[們國會經濟發區縣鎮體產業務實現億萬與為項對進這個過來時員長開關後層據點總數衛環藥醫學習農]/g;

const MARKER_CODES = new Set([...TRADITIONAL_MARKERS.source.slice(1, -1)].map((c) => c.charCodeAt(0)));

/** `looksTraditional("國內生產總值")` → true */
export function looksTraditional(text: string): boolean {
  const n = Math.min(text.length, 20000);
  let hits = 0;
  for (let i = 0; i < n; i++) if (MARKER_CODES.has(text.charCodeAt(i))) hits++;
  return hits >= 5 && hits / Math.max(1, n) > 0.002;
}

type Converter = (s: string) => string;
let converter: Converter | null = null;

/** Traditional → Simplified, character for character (opencc-js, loaded on first use). */
export function toSimplified(text: string): string {
  if (!converter) {
    const require = createRequire(import.meta.url);
    const OpenCC = require("opencc-js") as { Converter(o: { from: string; to: string }): Converter };
    converter = OpenCC.Converter({ from: "hk", to: "cn" });
  }
  return converter(text);
}
