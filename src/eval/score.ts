import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { GoldDoc, GoldMention } from "./gold.js";

/** The fields of a predicted record the scorer reads (../shared/eval/README.md). */
export interface PredRecord {
  doc_id: string;
  start: number;
  end: number;
  raw?: unknown;
  kind?: unknown;
  value?: unknown;
  unit?: unknown;
  qualifier?: unknown;
  indicator?: unknown;
  status?: unknown;
  section?: unknown;
  section_title?: unknown;
}

/** Counts of one report (or kind, or the total), exactly as score.mjs --json prints them. */
export interface ScoreRow {
  doc: string;
  gold: number;
  pred: number;
  matched: number;
  value: number;
  kind: number;
  qualifier: number;
  status: number;
  indicator: number;
  section: number;
  strict: number;
  offsets: number;
}

export interface ScoreResult {
  documents: ScoreRow[];
  total: ScoreRow;
  /** Rows by kind: gold and matched by the gold mention's kind, extra records by their own kind. */
  kinds: ScoreRow[];
  /** One line per miss, extra and wrong field, in score.mjs's words. */
  errors: string[];
}

/** Where the source text of a doc_id comes from (null when none is found). */
export type TextLookup = (docId: string) => string | null;

/** Looks texts up in folders, first folder first, as score.mjs does: `textDirsLookup(["../shared/seeds"])`. */
export function textDirsLookup(dirs: readonly string[]): TextLookup {
  return (docId) => {
    const path = dirs.map((d) => join(d, `${docId}.txt`)).find((p) => existsSync(p));
    return path ? readFileSync(path, "utf8").replace(/^\uFEFF/, "") : null;
  };
}

const FIELDS = ["value", "kind", "qualifier", "status", "indicator", "section"] as const;
type Field = (typeof FIELDS)[number];

/** Scores records against gold, as ../shared/eval/score.mjs does: `scoreRecords(loadGoldDir(d), records, textDirsLookup(dirs))`. */
export function scoreRecords(golds: readonly GoldDoc[], records: readonly PredRecord[], text: TextLookup): ScoreResult {
  const byDoc = new Map<string, PredRecord[]>();
  for (const r of records) byDoc.set(r.doc_id, [...(byDoc.get(r.doc_id) ?? []), r]);
  const documents: ScoreRow[] = [];
  const kinds = new Map<string, ScoreRow>();
  const errors: string[] = [];
  for (const g of golds) {
    const src = text(g.doc_id);
    const inWindow = (r: PredRecord) => !g.windows || g.windows.some(([s, e]) => r.start < e && s < r.end);
    const pred = (byDoc.get(g.doc_id) ?? []).filter(inWindow);
    documents.push(scoreDoc(g.doc_id, g.gold, pred, src, errors, kinds));
  }
  return { documents, total: sumRows("TOTAL", documents), kinds: [...kinds.values()].sort((a, b) => a.doc.localeCompare(b.doc)), errors };
}

function emptyRow(doc: string): ScoreRow {
  return { doc, gold: 0, pred: 0, matched: 0, value: 0, kind: 0, qualifier: 0, status: 0, indicator: 0, section: 0, strict: 0, offsets: 0 };
}

function scoreDoc(docId: string, gold: GoldMention[], pred: PredRecord[], text: string | null, errors: string[], kinds: Map<string, ScoreRow>): ScoreRow {
  const kindRow = (k: unknown) => {
    const name = String(k);
    let row = kinds.get(name);
    if (!row) kinds.set(name, (row = emptyRow(name)));
    return row;
  };
  const pairs: { gi: number; pi: number; overlap: number }[] = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > 0) pairs.push({ gi, pi, overlap });
    }),
  );
  // Array.prototype.sort is stable, as in score.mjs: ties keep gold-then-pred order.
  pairs.sort((a, b) => b.overlap - a.overlap);
  const goldTaken = new Map<number, number>();
  const predTaken = new Set<number>();
  for (const { gi, pi } of pairs) {
    if (goldTaken.has(gi) || predTaken.has(pi)) continue;
    goldTaken.set(gi, pi);
    predTaken.add(pi);
  }
  const row = emptyRow(docId);
  row.gold = gold.length;
  row.pred = pred.length;
  row.matched = goldTaken.size;
  const offsetOk = (p: PredRecord) => text !== null && text.slice(p.start, p.end) === p.raw;
  for (const p of pred) if (offsetOk(p)) row.offsets++;
  gold.forEach((g, gi) => {
    const kr = kindRow(g.kind);
    kr.gold++;
    const pi = goldTaken.get(gi);
    if (pi === undefined) {
      errors.push(`${docId} MISS  ${g.raw} (${g.kind} ${g.value} ${g.unit}) … ${context(text, g)}`);
      return;
    }
    const p = pred[pi];
    kr.pred++;
    kr.matched++;
    if (offsetOk(p)) kr.offsets++;
    const ok: Record<Field, boolean> = {
      value: sameNumber(p.value, g.value) && p.unit === g.unit,
      kind: p.kind === g.kind,
      qualifier: (p.qualifier ?? "exact") === g.qualifier,
      status: p.status === g.status,
      indicator: charF1(typeof p.indicator === "string" ? p.indicator : p.indicator == null ? "" : String(p.indicator), g.indicator) >= 0.5,
      section: typeof p.section === "string" && p.section.includes(g.section_title),
    };
    for (const k of FIELDS) {
      if (ok[k]) {
        row[k]++;
        kr[k]++;
      }
    }
    if (ok.value && ok.kind && ok.qualifier) {
      row.strict++;
      kr.strict++;
    }
    const wrong = FIELDS.filter((k) => !ok[k]);
    if (wrong.length) {
      const show = wrong.map((k) => `${k}: got ${JSON.stringify(pickPred(p, k))} want ${JSON.stringify(pickGold(g, k))}`);
      errors.push(`${docId} WRONG ${g.raw} … ${show.join("; ")}`);
    }
  });
  pred.forEach((p, pi) => {
    if (predTaken.has(pi)) return;
    const kr = kindRow(p.kind);
    kr.pred++;
    if (offsetOk(p)) kr.offsets++;
    errors.push(`${docId} EXTRA ${String(p.raw)} (${String(p.kind)} ${String(p.value)} ${String(p.unit)}) … ${context(text, p)}`);
  });
  return row;
}

function pickPred(r: PredRecord, k: Field): unknown {
  if (k === "value") return `${String(r.value)} ${String(r.unit)}`;
  if (k === "section") return r.section ?? r.section_title;
  return r[k];
}

function pickGold(g: GoldMention, k: Field): unknown {
  if (k === "value") return `${g.value} ${g.unit}`;
  if (k === "section") return g.section_title;
  return g[k];
}

/** Adds rows up under a name: `sumRows("TOTAL", rows)`. */
export function sumRows(name: string, rows: readonly ScoreRow[]): ScoreRow {
  const t = emptyRow(name);
  for (const r of rows) for (const k of Object.keys(t) as (keyof ScoreRow)[]) if (k !== "doc") t[k] += r[k];
  return t;
}

function sameNumber(a: unknown, b: number): boolean {
  return typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/** Character-overlap F1 of two indicators, punctuation and spaces ignored: `charF1("税收收入", "税收")` → 0.67. */
export function charF1(a: string, b: string): number {
  const strip = (s: string) => [...s.replace(/[\s“”"《》（）()、，,]/g, "")];
  const x = strip(a);
  const y = strip(b);
  if (!x.length || !y.length) return 0;
  const counts = new Map<string, number>();
  for (const c of y) counts.set(c, (counts.get(c) ?? 0) + 1);
  let common = 0;
  for (const c of x) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      common++;
      counts.set(c, n - 1);
    }
  }
  return common ? (2 * common) / (x.length + y.length) : 0;
}

function context(text: string | null, r: { start: number; end: number }): string {
  if (text === null) return "";
  return text.slice(Math.max(0, r.start - 12), r.end + 8).replace(/\s+/g, " ");
}
