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
  try {
    return checked({ text: utf8Fatal.decode(bytes), encoding: "utf-8", replaced: 0 });
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
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
  const label = declared.trim().toLowerCase();
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
