import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import iconv from "iconv-lite";
import { InputError } from "./errors.js";

/** rtf-stream-parser's token kinds (a const enum in its types, so spelled out here). */
const GROUP_START = 0;
const GROUP_END = 1;
const CONTROL = 2;

/** A token of rtf-stream-parser's Tokenize stream. */
interface RtfToken {
  type: number;
  word?: string;
  param?: number;
  data?: Buffer;
  length?: number;
}

/** Destinations whose text is not the report's: metadata, pictures, headers and footers, notes, field codes, tables of the file. */
const SKIPPED = new Set([
  "info", "pict", "object", "objdata", "result", "nonshppict", "shppict", "header", "headerl", "headerr", "headerf",
  "footer", "footerl", "footerr", "footerf", "footnote", "annotation", "atnid", "atnauthor", "fldinst", "xe", "tc",
  "filetbl", "revtbl", "listtable", "listoverridetable", "rsidtbl", "pgdsctbl", "generator", "themedata",
  "colorschememapping", "datastore", "latentstyles", "xmlnstbl", "mmathPr", "sp", "sn", "sv",
]);

/** Control words that end a table cell or row: a tab between cells, a line after a row, as the html reader does. */
const CELL = new Set(["cell", "nestcell"]);
const ROW = new Set(["row", "nestrow"]);

/**
 * The text of an RTF document, one paragraph a line, table cells apart by tabs; `\uN` and `\'hh`
 * escapes decoded in the code page the document or its font names (`\ansicpg936`, `\fcharset134` →
 * GBK): `await rtfToText(bytes)` → "一、总体\n增长5%". Uses rtf-stream-parser's tokenizer and its
 * de-encapsulator in text mode (the document is marked `\fromtext`, the mark of RTF that holds plain text).
 */
export async function rtfToText(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 5)).toString("latin1");
  if (head !== "{\\rtf") throw new InputError("corrupt-rtf", "corrupt .rtf (it does not start with {\\rtf)");
  const { Tokenize, DeEncapsulate } = await import("rtf-stream-parser");
  const warnings: string[] = [];
  const chunks: string[] = [];
  let depth = 0;
  try {
    await pipeline(
      Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
      new Tokenize(),
      async function* body(tokens: AsyncIterable<RtfToken>) {
        // groups are held back until their first control word says whether they are skipped
        let pending: RtfToken[] = [];
        const skipping: boolean[] = [];
        let marked = false;
        for await (const t of tokens) {
          if (t.type === GROUP_START) {
            depth++;
            if (skipping[skipping.length - 1]) skipping.push(true);
            else {
              for (const p of pending) yield p;
              pending = [t];
              skipping.push(false);
            }
            continue;
          }
          if (t.type === GROUP_END) depth--;
          if (skipping[skipping.length - 1]) {
            if (t.type === GROUP_END) skipping.pop();
            continue;
          }
          if (pending.length && t.type === CONTROL && t.word === "*") {
            pending.push(t);
            continue;
          }
          if (pending.length && t.type === CONTROL && t.word && SKIPPED.has(t.word)) {
            pending = [];
            skipping[skipping.length - 1] = true;
            continue;
          }
          for (const p of pending) yield p;
          pending = [];
          if (t.type === GROUP_END) skipping.pop();
          if (t.type === CONTROL && t.word && CELL.has(t.word)) yield { type: CONTROL, word: "tab" };
          else if (t.type === CONTROL && t.word && ROW.has(t.word)) yield { type: CONTROL, word: "par" };
          else yield t;
          if (!marked && t.type === CONTROL && t.word === "rtf") {
            marked = true;
            yield { type: CONTROL, word: "fromtext" };
          }
        }
        for (const p of pending) yield p;
      },
      new DeEncapsulate({ decode: (buf: Buffer, enc: string) => iconv.decode(buf, enc), mode: "text", warn: (m: string) => warnings.push(m) }),
      async function collect(pieces: AsyncIterable<string | Buffer>) {
        for await (const p of pieces) chunks.push(String(p));
      },
    );
  } catch (e) {
    const raw = String((e as Error)?.message ?? e).split("\n")[0] ?? "";
    throw new InputError("corrupt-rtf", `corrupt .rtf (${raw})`);
  }
  if (depth > 0) throw new InputError("corrupt-rtf", `corrupt .rtf (${depth} group${depth === 1 ? "" : "s"} never closed: the file is truncated?)`);
  // a row's last cell ends in a tab: dropped, as the html reader has none
  const text = chunks.join("").replace(/\r\n?/g, "\n").replace(/\t+$/gm, "").replace(/\n+$/, "");
  return { text, warnings: warnings.filter((w) => !/closing brackets/.test(w)) };
}
