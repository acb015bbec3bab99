import iconv from "iconv-lite";
import { InputError } from "./errors.js";
import { sniff } from "./sniff.js";

/** A decoded text with the encoding it was found in and how many bytes could not be decoded. */
export interface DecodedText {
  text: string;
  /** "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", or a declared charset name. */
  encoding: string;
  /** Characters replaced by U+FFFD because their bytes were invalid (tolerated up to 1 in 1000). */
  replaced: number;
}

const utf8Fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** Detects the encoding of a text file and decodes it, BOM dropped: `decodeText(Buffer.from("增长5%"))`. */
export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText {
  if (bytes.length === 0) throw new InputError("empty-input", "empty file (0 bytes)");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(lenient(bytes.subarray(3), "utf-8-bom"));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(utf16(bytes.subarray(2), "utf-16le"));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(utf16(bytes.subarray(2), "utf-16be"));
  const bare = utf16WithoutBom(bytes);
  if (bare) return checked(utf16(bytes, bare));
  const magic = sniff(bytes);
  if (magic.kind && magic.kind !== "html") throw new InputError("binary-file", `binary file (${magic.label}), not text`);
  if (hasNul(bytes)) throw new InputError("binary-file", "binary file (contains NUL bytes), not text");
  if (declared) {
    const fromDeclared = decodeDeclared(bytes, declared);
    if (fromDeclared) return checked(fromDeclared);
  }
  let asUtf8Text: string | null = null;
  try {
    asUtf8Text = utf8Fatal.decode(bytes);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
  }
  if (asUtf8Text !== null) {
    // valid UTF-8, but a short GBK text can be too (农业为5% in GBK reads as ũҵΪ5%): weigh the two
    const gb = gbInstead(bytes, asUtf8Text);
    return checked(gb ?? { text: asUtf8Text, encoding: "utf-8", replaced: 0 });
  }
  const asUtf8 = lenient(bytes, "utf-8");
  const asGb = gb18030(bytes);
  const best = asGb.replaced < asUtf8.replaced ? asGb : asUtf8;
  if (best.replaced > tolerance(best.text.length)) {
    throw new InputError(
      "undecodable",
      `cannot decode: not valid UTF-8, UTF-16 or GB18030/GBK (${best.replaced} undecodable byte sequences as ${best.encoding})`,
    );
  }
  return checked(best);
}

/**
 * GB18030 instead of UTF-8 for bytes that are valid as both, when the UTF-8 reading has no Chinese
 * character at all and the GB18030 one is Chinese throughout (what GBK text that happens to be valid
 * UTF-8 looks like); null to keep UTF-8. The choice is recorded as `gb18030 (also valid UTF-8)`, and
 * the reader warns (`ambiguous-encoding`).
 */
function gbInstead(bytes: Uint8Array, utf8: string): DecodedText | null {
  const sample = utf8.length > 65536 ? utf8.slice(0, 65536) : utf8;
  // GBK read as UTF-8 is runs of letters of several scripts at once (ũҵΪ: Latin, Cyrillic, Greek);
  // a European text has its accented letters one at a time, in words of one script (café, naïve)
  let run = 0;
  let longestRun = 0;
  const scripts = new Set<number>();
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80 || c === 0xfeff) {
      run = 0;
      continue;
    }
    if (isChinese(c)) return null;
    longestRun = Math.max(longestRun, ++run);
    scripts.add(c < 0x250 ? 0 : c < 0x400 ? 1 : c < 0x530 ? 2 : 3);
  }
  if (longestRun < 2 || scripts.size < 2) return null;
  const gb = gb18030(bytes.length > 131072 ? bytes.subarray(0, 131072) : bytes);
  if (gb.replaced > 0 && bytes.length <= 131072) return null;
  let chinese = 0;
  let other = 0;
  for (let i = 0; i < gb.text.length; i++) {
    const c = gb.text.charCodeAt(i);
    if (c < 0x80) continue;
    if (isChinese(c)) chinese++;
    else other++;
  }
  if (chinese === 0 || chinese < (chinese + other) * 0.9) return null;
  const whole = bytes.length > 131072 ? gb18030(bytes) : gb;
  if (whole.replaced > tolerance(whole.text.length)) return null;
  return { ...whole, encoding: "gb18030 (also valid UTF-8)" };
}

/** A CJK ideograph, CJK punctuation or a full-width form. */
function isChinese(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
}

/** How many U+FFFD a decoded text may hold before the encoding is judged wrong. */
function tolerance(chars: number): number {
  return Math.max(1, Math.floor(chars / 1000));
}

function lenient(bytes: Uint8Array, encoding: string): DecodedText {
  const text = utf8Lenient.decode(bytes);
  return { text, encoding, replaced: countReplacements(text) - countReplacementBytes(bytes) };
}

function gb18030(bytes: Uint8Array): DecodedText {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
  return { text, encoding: "gb18030", replaced: countReplacements(text) };
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = iconv.decode(buf, encoding, { stripBOM: false });
  return { text, encoding, replaced: countReplacements(text) };
}

/** A charset named by an HTML page (`gb2312`, `utf-8`); null when it is unknown or clearly wrong. */
function decodeDeclared(bytes: Uint8Array, declared: string): DecodedText | null {
  let label = declared.trim().toLowerCase();
  // WHATWG: a page that declares UTF-16 in a <meta> is ASCII-compatible bytes (else a BOM or the NUL
  // pattern would have said so): it is read as UTF-8, as browsers do
  if (/^(utf-?16|utf-?16le|utf-?16be|ucs-?2|unicode|unicodefffe|csunicode|iso-10646-ucs-2)$/.test(label)) label = "utf-8";
  if (label === "utf-8" || label === "utf8") {
    try {
      return { text: utf8Fatal.decode(bytes), encoding: "utf-8", replaced: 0 };
    } catch {
      return null;
    }
  }
  if (["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"].includes(label)) {
    const d = gb18030(bytes);
    return d.replaced > tolerance(d.text.length) ? null : { ...d, encoding: label === "gb18030" ? "gb18030" : `gb18030 (declared ${label})` };
  }
  if (!iconv.encodingExists(label)) return null;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label);
  const replaced = countReplacements(text);
  return replaced > tolerance(text.length) ? null : { text, encoding: label, replaced };
}

/** UTF-16 without a BOM: the zero bytes of ASCII characters all fall on one side of each pair, and the decoded text reads as text. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const zeros = evenZero + oddZero;
  if (zeros < 2) return null;
  const order: ("utf-16le" | "utf-16be")[] = oddZero >= evenZero ? ["utf-16le", "utf-16be"] : ["utf-16be", "utf-16le"];
  for (const enc of order) if (plausibleText(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, n), enc))) return enc;
  return null;
}

/** At least 90% of the characters are ASCII, CJK, CJK punctuation or full-width forms. */
function plausibleText(sample: string): boolean {
  let plausible = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0x3000 && c <= 0x303f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) plausible++;
  }
  return plausible >= sample.length * 0.9;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 65536).includes(0);
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) n++;
  return n;
}

/** U+FFFD written in the file itself (EF BF BD) is text, not a decoding failure. */
function countReplacementBytes(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

/** Rejects decoded "text" that is mostly control characters (a binary file that happened to decode). */
function checked(d: DecodedText): DecodedText {
  const sample = d.text.length > 65536 ? d.text.slice(0, 65536) : d.text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x1b) controls++;
  }
  if (controls > Math.max(2, sample.length * 0.01)) throw new InputError("binary-file", `binary file (${controls} control characters in the first ${sample.length}), not text`);
  if (d.replaced > tolerance(d.text.length)) {
    throw new InputError("undecodable", `cannot decode as ${d.encoding}: ${d.replaced} invalid byte sequences`);
  }
  return d;
}
