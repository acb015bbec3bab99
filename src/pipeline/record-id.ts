import { createHash } from "node:crypto";

/**
 * A record's stable id, from its document and span; the one place that makes it: `r` and 16 hex
 * digits of sha1(doc_id, start, end), so no spreadsheet reads it as a number: `recordId("a", 0, 3)`.
 */
export function recordId(docId: string, start: number, end: number): string {
  return "r" + createHash("sha1").update(`${docId}\u0000${start}\u0000${end}`).digest("hex").slice(0, 16);
}
