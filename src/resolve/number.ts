/**
 * Numbers as Chinese reports write them: Arabic (with thousands separators and decimals, full-width
 * digits already folded by normalize), Chinese numerals in every legal combination, and mixed forms
 * (1.2万, 3千万, 5.67万亿, 7500多亿). Pure functions, no lexicon: the digits of the language are fixed.
 */

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export interface ParsedNumber {
  value: number;
  /** 多/余 stood in the number (`7500多亿`, `三十余`): the value is a lower bound. */
  more: boolean;
  /** The number carried a magnitude word (万, 亿, 千万 …), used to spread it over a range (`3到5万`). */
  magnitude: number;
  /** Written in Chinese numerals only (`三`, `一万两千`). */
  chinese: boolean;
}

/** `parseChineseInteger("一万两千")` → 12000; null when the string is not a legal numeral (`十二五`). */
export function parseChineseInteger(s: string): number | null {
  if (!s) return null;
  // two digits in a row (二〇二三, 一二) or a leading zero: a code or a year, not a counting numeral
  if (/[一二两三四五六七八九][零〇一二两三四五六七八九]|^[零〇]|[零〇]{2}/.test(s)) return null;
  let total = 0; // finished 亿 groups
  let section = 0; // current group below 万/亿
  let digit: number | null = null;
  let lastSmall = Infinity; // the last small unit used in this section, to reject 十二五-like sequences
  let lastBig = Infinity;
  let zeroSeen = false;
  let lastWasDigit = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch in CN_DIGITS) {
      const d = CN_DIGITS[ch];
      if (lastWasDigit && !(d === 0 || zeroSeen)) {
        // two digits in a row (十二五, 一二三) — legal only as a 零 filler (一千零五)
        if (digit !== 0) return null;
      }
      if (d === 0) zeroSeen = true;
      digit = d;
      lastWasDigit = true;
      continue;
    }
    if (ch in CN_SMALL_UNITS) {
      const u = CN_SMALL_UNITS[ch];
      if (u >= lastSmall) return null;
      const d = digit ?? (u === 10 ? 1 : 1); // 十二 = 12, 百亿 = 1 百亿
      section += d * u;
      digit = null;
      lastSmall = u;
      lastWasDigit = false;
      zeroSeen = false;
      continue;
    }
    if (ch in CN_BIG_UNITS) {
      const u = CN_BIG_UNITS[ch];
      const inner = section + (digit ?? 0);
      if (u === 1e8) {
        if (lastBig < 1e8 && lastBig !== Infinity) {
          // 万亿: the 万 group multiplies again
          total = (total + inner) * u;
        } else {
          total = (total + (inner || (total ? 0 : 1))) * u;
        }
      } else {
        if (lastBig === 1e4) return null; // 万万
        total += (inner || 1) * u;
      }
      section = 0;
      digit = null;
      lastSmall = Infinity;
      lastBig = u;
      lastWasDigit = false;
      zeroSeen = false;
      continue;
    }
    return null;
  }
  if (digit !== null) {
    // a trailing digit after a unit without 零 is the next lower unit: 三万五 = 35000, 一千二 = 1200
    if (!zeroSeen && lastSmall !== Infinity && section > 0 && lastWasDigit && s.length >= 2) {
      const prev = s[s.length - 2];
      if (prev in CN_SMALL_UNITS && CN_SMALL_UNITS[prev] >= 100) section += digit * (CN_SMALL_UNITS[prev] / 10);
      else section += digit;
    } else if (!zeroSeen && lastSmall === Infinity && lastBig !== Infinity && lastWasDigit && s.length >= 2 && s[s.length - 2] in CN_BIG_UNITS) {
      // 三万五 → 35000, 一亿二 → 120000000
      total += digit * (lastBig / 10);
    } else {
      section += digit;
    }
  }
  return total + section;
}

const ARABIC = /^\d+(?:,\d{3})*(?:\.\d+)?$/;
const MAGNITUDE_WORDS: [string, number][] = [
  ["万亿", 1e12], ["千亿", 1e11], ["百亿", 1e10], ["十亿", 1e9], ["亿", 1e8],
  ["千万", 1e7], ["百万", 1e6], ["十万", 1e5], ["万", 1e4], ["千", 1e3], ["百", 1e2],
];

/**
 * Parses one written number with its magnitude words and 多/余:
 * `parseNumber("7500多亿")` → { value: 750000000000, more: true, magnitude: 1e8 }.
 */
export function parseNumber(text: string): ParsedNumber | null {
  let s = text.replace(/[\s\u200b-\u200d\ufeff]/g, "");
  let more = false;
  if (/[多余]/.test(s)) {
    more = true;
    s = s.replace(/[多余]/g, "");
  }
  if (!s) return null;
  // Arabic digits on both sides of a magnitude (2万5千, 3亿5千万): read section by section
  if (/^\d+(?:\.\d+)?(?:万亿|亿|万)\d+[千百]万?$/.test(s)) return parseMixed(s, more);
  // Arabic head, optional magnitude tail (1.2万, 3千万, 5.67万亿, 14869万)
  const m = /^(\d+(?:,\d{3})*(?:\.\d+)?)(.*)$/.exec(s);
  if (m) {
    if (!ARABIC.test(m[1])) return null;
    const base = Number(m[1].replace(/,/g, ""));
    const tail = m[2];
    if (!tail) return { value: base, more, magnitude: 1, chinese: false };
    const mag = magnitudeOf(tail);
    if (mag === null) return null;
    return { value: round(base * mag), more, magnitude: mag, chinese: false };
  }
  // a decimal point: 五点二 → 5.2, 三点五万 → 35000
  const dec = /^(.+?)点([零〇一二三四五六七八九]+)(.*)$/.exec(s);
  if (dec) {
    const whole = parseChineseInteger(dec[1]);
    const mag = magnitudeOf(dec[3]);
    if (whole === null || mag === null) return null;
    const frac = Number(`0.${[...dec[2]].map((d) => CN_DIGITS[d]).join("")}`);
    return { value: round((whole + frac) * mag), more, magnitude: mag, chinese: true };
  }
  const v = parseChineseInteger(s);
  if (v === null) return null;
  const magnitude = /亿/.test(s) ? (/万亿/.test(s) ? 1e12 : 1e8) : /万/.test(s) ? 1e4 : 1;
  return { value: v, more, magnitude, chinese: true };
}

/** `parseMixed("2万5千", false)` → 25000; `parseMixed("3亿5千万", false)` → 350000000 (Chinese grammar, Arabic digits). */
function parseMixed(s: string, more: boolean): ParsedNumber | null {
  const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let section = 0;
  let num = 0;
  let top = 1;
  for (const [tok] of s.matchAll(/\d+(?:\.\d+)?|万亿|亿|万|千|百|十/g)) {
    if (/^\d/.test(tok)) num = Number(tok);
    else if (UNIT[tok]) {
      section += num * UNIT[tok];
      num = 0;
    } else {
      const f = tok === "万亿" ? 1e12 : tok === "亿" ? 1e8 : 1e4;
      // 5千万: the 万 scales the section before it; 3亿: closes everything so far
      if (f > 1e4) total = (total + section + num) * f;
      else total += (section + num) * f;
      section = 0;
      num = 0;
      top = Math.max(top, f);
    }
  }
  return { value: round(total + section + num), more, magnitude: top, chinese: false };
}

/** The factor of a magnitude word or sequence: `magnitudeOf("万亿")` → 1e12; null if not one. */
export function magnitudeOf(tail: string): number | null {
  if (!tail) return 1;
  let rest = tail;
  let factor = 1;
  while (rest) {
    const hit = MAGNITUDE_WORDS.find(([w]) => rest.startsWith(w));
    if (!hit) return null;
    factor *= hit[1];
    rest = rest.slice(hit[0].length);
  }
  return factor;
}

/** Rounds away binary noise from decimal scaling: 370.43 * 1e4 → 3704300. */
export function round(n: number): number {
  return Number(n.toPrecision(12));
}
