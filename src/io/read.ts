import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import type { SourceDocument } from "../pipeline/document.js";
import { docIdOf } from "./collect.js";

/** Reads one input into a SourceDocument (UTF-8 text for now; BOM dropped). */
export function readDocument(path: string): SourceDocument {
  const bytes = readFileSync(path);
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return {
    doc_id: docIdOf(path),
    path,
    text,
    reader: "txt",
    encoding: "utf-8",
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}
