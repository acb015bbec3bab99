import { createHash } from "node:crypto";

/** A record's stable id, from its document and span; the one place that makes it: `recordId("a", 0, 3)`. */
export function recordId(docId: string, start: number, end: number): string {
  return createHash("sha1").update(`${docId}\u0000${start}\u0000${end}`).digest("hex").slice(0, 16);
}
