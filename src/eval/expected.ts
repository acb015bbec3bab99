import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { RECORD_COLUMNS } from "../model/record.js";
import { writeFileAtomic } from "../io/write.js";

/**
 * A record as stored in an expected file. Read loosely (only the span is required) so that a record
 * written before a schema change still loads and the change shows up as changed fields.
 */
export const StoredRecordSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .catchall(z.unknown());
export type StoredRecord = z.infer<typeof StoredRecordSchema>;

/** Reads an expected records file; null when it does not exist: `readExpected("corpus/expected/a.jsonl")`. */
export function readExpected(path: string): StoredRecord[] | null {
  if (!existsSync(path)) return null;
  const lines = readFileSync(path, "utf8").replace(/^\uFEFF/, "").split("\n");
  const out: StoredRecord[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new Error(`${path}:${i + 1}: not JSON: ${(e as Error).message}`);
    }
    const parsed = StoredRecordSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${path}:${i + 1}: not a record: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    // The object as written (zod would move start and end first): key order is part of the file.
    out.push(json as StoredRecord);
  });
  return out;
}

/** Orders records by start, then end, then rule_id, then record_id: `sortRecords(records)`. */
export function sortRecords<T extends StoredRecord>(records: readonly T[]): T[] {
  const s = (v: unknown) => (typeof v === "string" ? v : "");
  return [...records].sort(
    (a, b) => a.start - b.start || a.end - b.end || s(a.rule_id).localeCompare(s(b.rule_id)) || s(a.record_id).localeCompare(s(b.record_id)),
  );
}

/** A record with its keys in schema column order, unknown keys after them sorted: `stableRecord({end:2,start:0})`. */
export function stableRecord(r: object): Record<string, unknown> {
  const src = r as Record<string, unknown>;
  const known: string[] = RECORD_COLUMNS.filter((k) => k in src);
  const extra = Object.keys(src).filter((k) => !known.includes(k)).sort();
  const out: Record<string, unknown> = {};
  for (const k of [...known, ...extra]) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

/** The text of an expected file: sorted by start, one record a line, stable keys: `expectedJsonl(records)`. */
export function expectedJsonl(records: readonly StoredRecord[]): string {
  return sortRecords(records).map((r) => JSON.stringify(stableRecord(r))).join("\n") + (records.length ? "\n" : "");
}

/** Writes an expected file atomically; returns true when its content changed: `writeExpected(path, records)`. */
export function writeExpected(path: string, records: readonly StoredRecord[]): boolean {
  const body = expectedJsonl(records);
  const before = existsSync(path) ? readFileSync(path, "utf8") : null;
  if (before === body) return false;
  writeFileAtomic(path, body);
  return true;
}
