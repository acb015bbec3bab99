import { readFile, stat } from "node:fs/promises";
import { InputError } from "./errors.js";
import { docIdOf } from "./collect.js";
import { decodeDocument, type ReadDocument, type ReadOptions } from "./decode.js";

import { DEFAULT_MAX_BYTES, formatBytes } from "../limits.js";

export { DEFAULT_MAX_BYTES, formatBytes };

/** Reads a file's bytes after checking, by stat alone, that it is a regular file of at most `maxBytes`: `await readBytes("a.txt")`. */
export async function readBytes(path: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  const st = await stat(path);
  if (!st.isFile()) throw new InputError("not-a-file", st.isDirectory() ? "is a folder, not a file" : `not a regular file (${st.isFIFO() ? "FIFO" : st.isSocket() ? "socket" : "device"})`);
  if (st.size > maxBytes) throw new InputError("too-large", `too large: ${formatBytes(st.size)} > --max-bytes ${formatBytes(maxBytes)}; not read`);
  const bytes = await readFile(path);
  if (bytes.length > maxBytes) throw new InputError("too-large", `too large: over --max-bytes ${formatBytes(maxBytes)}`);
  return bytes;
}

/** Reads all of stdin, refusing more than `maxBytes`: `await readStdin()`. */
export async function readStdin(maxBytes: number = DEFAULT_MAX_BYTES, stream: NodeJS.ReadableStream = process.stdin): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > maxBytes) throw new InputError("too-large", `too large: stdin over --max-bytes ${formatBytes(maxBytes)}`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads one input (a file, or "-" for stdin) into a SourceDocument, detecting reader and encoding;
 * throws InputError naming the problem: `await readDocument("seeds/report.txt")`.
 */
export async function readDocument(path: string, opts: { maxBytes?: number; doc_id?: string } & ReadOptions = {}): Promise<ReadDocument> {
  const bytes = path === "-" ? await readStdin(opts.maxBytes) : await readBytes(path, opts.maxBytes);
  return decodeDocument(bytes, { path, doc_id: opts.doc_id ?? docIdOf(path) }, { ocr: opts.ocr });
}
