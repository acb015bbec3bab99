import { createHash } from "node:crypto";
import { extname } from "node:path";
import type { SourceDocument } from "../pipeline/document.js";
import { diagnostic, type Diagnostic } from "../model/diagnostic.js";
import { InputError } from "./errors.js";
import { decodeText } from "./encoding.js";
import { declaredCharset, htmlToText } from "./html.js";
import { docxToText } from "./docx.js";
import { docToText } from "./doc.js";
import { odtToText } from "./odt.js";
import { rtfToText } from "./rtf.js";
import { pdfToText } from "./pdf.js";
import { sniff } from "./sniff.js";
import { limitsOrDefaults, type Limits } from "../limits.js";

/** Which reader turns an input's bytes into text. */
export type ReaderName = "txt" | "html" | "docx" | "doc" | "wps" | "rtf" | "odt" | "pdf";

/** A read document with the problems reading it raised (replaced bytes, docx warnings, OCR'd pages). */
export interface ReadDocument extends SourceDocument {
  diagnostics: Diagnostic[];
}

/** How inputs are read: `--ocr` sends PDF pages without a text layer through Tesseract. */
export interface ReadOptions {
  ocr?: boolean;
  /** The caps on what a document may inflate to (docx/odt XML, PDF pages); the environment's (src/limits.ts) when not given. */
  limits?: Pick<Limits, "maxXmlBytes" | "maxPdfPages">;
}

const HTML_EXTENSIONS = new Set([".html", ".htm", ".xhtml", ".shtml"]);

/** The reader each report extension names (used when the content does not say otherwise). */
const BY_EXTENSION: Record<string, ReaderName> = {
  ".docx": "docx", ".doc": "doc", ".wps": "wps", ".rtf": "rtf", ".odt": "odt", ".pdf": "pdf",
};

/**
 * The reader for a file: by content when its first bytes name a format (a `.doc` that is RTF or
 * HTML, as sites often serve, is read as what it is), else by extension, else as text:
 * `readerFor("a.htm", bytes)` → "html"; `readerFor("a.doc", rtfBytes)` → "rtf".
 */
export function readerFor(path: string, bytes: Uint8Array): ReaderName {
  const ext = extname(path).toLowerCase();
  const magic = sniff(bytes).kind;
  if (magic === "pdf") return "pdf";
  if (magic === "rtf") return "rtf";
  if (magic === "ole2") return ext === ".wps" ? "wps" : "doc";
  if (magic === "zip") return zipKind(bytes) ?? (ext === ".docx" || ext === ".odt" ? BY_EXTENSION[ext]! : "txt");
  if (magic === "html" || HTML_EXTENSIONS.has(ext)) return "html";
  // any other binary is never read as text: the txt reader refuses it by its magic
  if (magic) return "txt";
  return BY_EXTENSION[ext] ?? "txt";
}

/** Whether a zip holds a Word (docx) or an OpenDocument text (odt), from the names it stores: `zipKind(bytes)` → "odt". */
function zipKind(bytes: Uint8Array): "docx" | "odt" | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // an .odt's first entry is "mimetype", stored uncompressed: its content names the format
  if (buf.includes("application/vnd.oasis.opendocument.text")) return "odt";
  if (buf.includes("word/document.xml")) return "docx";
  return null;
}

/**
 * Bytes → a SourceDocument, with the reader and encoding recorded; throws InputError on input that
 * holds no text: `await decodeDocument(Buffer.from("增长5%"), { path: "a.txt", doc_id: "a" })`.
 * The batch worker and `zhibiao explain --file` both read through here, so offsets agree.
 */
export async function decodeDocument(bytes: Uint8Array, at: { path: string; doc_id: string }, opts: ReadOptions = {}): Promise<ReadDocument> {
  if (bytes.length === 0) throw new InputError("empty-input", "empty file (0 bytes)");
  const magic = sniff(bytes);
  if (magic.kind === "mht") throw new InputError("unsupported-format", `a MIME web archive (.mht, as Word saves a "single file web page"), which zhibiao does not read; save it as .html or .docx`);
  let reader: string = readerFor(at.path, bytes);
  const limits = opts.limits ?? limitsOrDefaults();
  const diagnostics: Diagnostic[] = [];
  const note = (severity: "warning" | "info", code: string, message: string) =>
    diagnostics.push(diagnostic({ doc_id: at.doc_id, path: at.path, severity, stage: "read", code, message }));
  let text: string;
  let encoding: string | null = null;
  if (reader === "docx") {
    const r = await docxToText(bytes, { maxXmlBytes: limits.maxXmlBytes });
    text = r.text;
    for (const m of r.messages) note("warning", "docx-message", m);
  } else if (reader === "doc" || reader === "wps") {
    text = (await docToText(bytes, reader === "wps" ? ".wps" : ".doc")).text;
  } else if (reader === "rtf") {
    const r = await rtfToText(bytes);
    text = r.text;
    for (const m of r.warnings) note("warning", "rtf-message", m);
  } else if (reader === "odt") {
    text = (await odtToText(bytes, { maxXmlBytes: limits.maxXmlBytes })).text;
  } else if (reader === "pdf") {
    const r = await pdfToText(bytes, { ocr: opts.ocr, maxPages: limits.maxPdfPages });
    text = r.text;
    if (r.ocrPages.length) {
      reader = "pdf+ocr";
      for (const n of r.ocrPages) note("info", "ocr-page", `page ${n} of ${r.pages} has no text layer: its text is from OCR (Tesseract, chi_sim) and may hold misread characters`);
    }
  } else {
    const decoded = decodeText(bytes, reader === "html" ? declaredCharset(bytes) : null);
    encoding = decoded.encoding;
    if (decoded.replaced > 0) note("warning", "replaced-bytes", `${decoded.replaced} undecodable byte sequences replaced by U+FFFD (${decoded.encoding})`);
    if (decoded.encoding.endsWith("(also valid UTF-8)")) note("warning", "ambiguous-encoding", "read as GB18030: the bytes are valid UTF-8 too, but read so they hold no Chinese character; check the text");
    text = reader === "html" ? htmlToText(decoded.text) : decoded.text;
  }
  if (!text.trim()) {
    throw new InputError("no-text", reader === "html" ? "no text in the page body" : `no text (${reader === "txt" ? "only white space" : `the ${reader} holds no text`})`);
  }
  return {
    doc_id: at.doc_id,
    path: at.path,
    text,
    reader,
    encoding,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    diagnostics,
  };
}
