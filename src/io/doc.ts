import { InputError } from "./errors.js";

/** What an OLE2 compound file holds, from the names of its streams. */
export type OleKind = "word" | "encrypted" | "excel" | "powerpoint" | "works" | "other";

/** Stream names are stored in the file's directory as UTF-16LE: their bytes say what the file is. */
const STREAMS: [OleKind, string[]][] = [
  ["encrypted", ["EncryptedPackage"]],
  ["word", ["WordDocument"]],
  ["excel", ["Workbook", "Book"]],
  ["powerpoint", ["PowerPoint Document"]],
  ["works", ["MatOST", "CONTENTS"]],
];

/** The kind of an OLE2 file (.doc, .wps, .xls …) by its stream names: `oleKind(docBytes)` → "word". */
export function oleKind(bytes: Uint8Array): OleKind {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [kind, names] of STREAMS) if (names.some((n) => buf.includes(Buffer.from(`${n}\0`, "utf16le")))) return kind;
  return "other";
}

/** What getBody takes in word-extractor 1.x (its published types omit the option). */
interface WordBody {
  getBody(options?: { filterUnicode?: boolean }): string;
}

/**
 * The text of a legacy Word file (Word 97–2003 .doc, or a WPS Office .wps, which is the same binary
 * format) by word-extractor, one paragraph a line, table cells apart by tabs:
 * `await docToText(bytes, ".doc")` → "一、总体\n增长5%".
 */
export async function docToText(bytes: Uint8Array, ext: ".doc" | ".wps"): Promise<{ text: string }> {
  const what = ext === ".wps" ? ".wps" : ".doc";
  const kind = oleKind(bytes);
  if (kind === "encrypted") throw new InputError("unsupported-format", `password-protected Office file; save it without a password`);
  if (kind === "excel") throw new InputError("unsupported-format", `an Excel workbook (.xls), not a report text`);
  if (kind === "powerpoint") throw new InputError("unsupported-format", `a PowerPoint presentation (.ppt), not a report text`);
  if (kind === "works") throw new InputError("unsupported-format", `a Microsoft Works .wps, not a WPS Office or Word file; open it in LibreOffice and save it as .docx`);
  if (kind === "other") throw new InputError("corrupt-doc", `corrupt ${what} (no WordDocument stream: truncated, or not a Word file)`);
  const WordExtractor = (await import("word-extractor")).default;
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // filterUnicode: false keeps “ ” ‘ ’ — … as written (word-extractor turns them into ASCII by default)
    body = (doc as unknown as WordBody).getBody({ filterUnicode: false });
  } catch (e) {
    const raw = String((e as Error)?.message ?? e).split("\n")[0] ?? "";
    if (/magic number: a5dc/i.test(raw)) throw new InputError("unsupported-format", `a Word 6.0/95 ${what}, older than zhibiao reads; save it as .docx`);
    throw new InputError("corrupt-doc", `corrupt ${what} (${/out of range|outside buffer|sector|allocation/i.test(raw) ? "truncated or damaged" : raw})`);
  }
  // Word ends each table cell and row with a mark word-extractor makes a tab: a row's last ones are dropped
  const text = body.replace(/\r\n?/g, "\n").replace(/\t+$/gm, "").replace(/\n+$/, "");
  return { text };
}
