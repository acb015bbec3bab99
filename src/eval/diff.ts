import type { StoredRecord } from "./expected.js";
import { sortRecords, stableRecord } from "./expected.js";

/** One field that differs between the expected and the new record. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** An expected record and the new record matched to it, with the fields that differ. */
export interface RecordChange {
  old: StoredRecord;
  new: StoredRecord;
  fields: FieldChange[];
}

/** What changed in one report: records only in the new run, only in the expected file, and changed. */
export interface RecordDiff {
  added: StoredRecord[];
  removed: StoredRecord[];
  changed: RecordChange[];
  unchanged: number;
}

/**
 * Compares expected records with new ones, matching by span: same start and end first, then the
 * largest overlap (a moved span): `diffRecords([{start:0,end:2,kind:"rate"}], [{start:0,end:2,kind:"share"}])`.
 */
export function diffRecords(expected: readonly StoredRecord[], actual: readonly StoredRecord[]): RecordDiff {
  const olds = sortRecords(expected);
  const news = sortRecords(actual);
  const pairs: [number, number][] = [];
  const oldTaken = new Set<number>();
  const newTaken = new Set<number>();

  // 1. Same span: pair records in their sorted order (several records may share one span).
  const bySpan = new Map<string, number[]>();
  news.forEach((r, i) => {
    const k = `${r.start}:${r.end}`;
    bySpan.set(k, [...(bySpan.get(k) ?? []), i]);
  });
  olds.forEach((r, oi) => {
    const queue = bySpan.get(`${r.start}:${r.end}`);
    const ni = queue?.shift();
    if (ni === undefined) return;
    pairs.push([oi, ni]);
    oldTaken.add(oi);
    newTaken.add(ni);
  });

  // 2. Moved spans: overlapping leftovers, largest overlap first, then earliest.
  const candidates: { oi: number; ni: number; overlap: number }[] = [];
  olds.forEach((o, oi) => {
    if (oldTaken.has(oi)) return;
    news.forEach((n, ni) => {
      if (newTaken.has(ni)) return;
      const overlap = Math.min(o.end, n.end) - Math.max(o.start, n.start);
      if (overlap > 0) candidates.push({ oi, ni, overlap });
    });
  });
  candidates.sort((a, b) => b.overlap - a.overlap || a.oi - b.oi || a.ni - b.ni);
  for (const { oi, ni } of candidates) {
    if (oldTaken.has(oi) || newTaken.has(ni)) continue;
    pairs.push([oi, ni]);
    oldTaken.add(oi);
    newTaken.add(ni);
  }

  const changed: RecordChange[] = [];
  let unchanged = 0;
  for (const [oi, ni] of pairs.sort((a, b) => a[0] - b[0])) {
    const fields = diffFields(olds[oi], news[ni]);
    if (fields.length) changed.push({ old: olds[oi], new: news[ni], fields });
    else unchanged++;
  }
  return {
    added: news.filter((_, i) => !newTaken.has(i)),
    removed: olds.filter((_, i) => !oldTaken.has(i)),
    changed,
    unchanged,
  };
}

/** The fields whose values differ, in schema order (a missing field counts as undefined): `diffFields(a, b)`. */
export function diffFields(a: StoredRecord, b: StoredRecord): FieldChange[] {
  const keys = Object.keys(stableRecord({ ...a, ...b }));
  const out: FieldChange[] = [];
  for (const k of keys) if (!sameValue(a[k], b[k])) out.push({ field: k, old: a[k], new: b[k] });
  return out;
}

/** Deep equality over JSON values; -0 and 0 are the same. */
function sameValue(x: unknown, y: unknown): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}

/** True when a diff has no difference at all: `isClean(diffRecords(a, a))` → true. */
export function isClean(d: RecordDiff): boolean {
  return !d.added.length && !d.removed.length && !d.changed.length;
}
