import { createHash } from "node:crypto";
import { extname } from "node:path";
import type { SourceDocument } from "../pipeline/document.js";
import { diagnostic, type Diagnostic } from "../model/diagnostic.js";
import { InputError } from "./errors.js";
import { decodeText } from "./encoding.js";
import { declaredCharset, htmlToText } from "./html.js";
import { docxToText } from "./docx.js";
import { pdfToText } from "./pdf.js";
import { sniff } from "./sniff.js";

/** Which reader turns an input's bytes into text. */
export type ReaderName = "txt" | "html" | "docx" | "pdf";

/** A read document with the problems reading it raised (replaced bytes, docx warnings). */
export interface ReadDocument extends SourceDocument {
  diagnostics: Diagnostic[];
}

/** The reader for a file: by extension, then by content for names that do not say: `readerFor("a.htm", bytes)` → "html". */
export function readerFor(path: string, bytes: Uint8Array): ReaderName {
  const ext = extname(path).toLowerCase();
  if (ext === ".docx") return "docx";
  if (ext === ".pdf") return "pdf";
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml" || ext === ".shtml") return "html";
  const magic = sniff(bytes).kind;
  if (magic === "pdf") return "pdf";
  if (magic === "zip" && ext !== ".txt") return "docx";
  if (magic === "html") return "html";
  return "txt";
}

/**
 * Bytes → a SourceDocument, with the reader and encoding recorded; throws InputError on input that
 * holds no text: `await decodeDocument(Buffer.from("增长5%"), { path: "a.txt", doc_id: "a" })`.
 */
export async function decodeDocument(bytes: Uint8Array, at: { path: string; doc_id: string }): Promise<ReadDocument> {
  if (bytes.length === 0) throw new InputError("empty-input", "empty file (0 bytes)");
  const reader = readerFor(at.path, bytes);
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, message: string) =>
    diagnostics.push(diagnostic({ doc_id: at.doc_id, path: at.path, severity: "warning", stage: "read", code, message }));
  let text: string;
  let encoding: string | null = null;
  if (reader === "docx") {
    const r = await docxToText(bytes);
    text = r.text;
    for (const m of r.messages) warn("docx-message", m);
  } else if (reader === "pdf") {
    text = (await pdfToText(bytes)).text;
  } else {
    const decoded = decodeText(bytes, reader === "html" ? declaredCharset(bytes) : null);
    encoding = decoded.encoding;
    if (decoded.replaced > 0) warn("replaced-bytes", `${decoded.replaced} undecodable byte sequences replaced by U+FFFD (${decoded.encoding})`);
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
