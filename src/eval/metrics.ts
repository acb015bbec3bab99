import type { ScoreRow } from "./score.js";

/** The figures of a score row, as fractions 0–1, named as in floors.json and score.mjs's table. */
export const METRICS = ["P", "R", "F1", "strictF1", "value", "kind", "qual", "status", "indic", "section", "offsets"] as const;
export type Metric = (typeof METRICS)[number];

/** A row's figures; null where score.mjs prints "-" (nothing to divide by): `rowMetrics(row).F1`. */
export function rowMetrics(r: ScoreRow): Record<Metric, number | null> {
  const frac = (a: number, b: number) => (b ? a / b : null);
  const p = r.pred ? r.matched / r.pred : 0;
  const rc = r.gold ? r.matched / r.gold : 0;
  const sp = r.pred ? r.strict / r.pred : 0;
  const sr = r.gold ? r.strict / r.gold : 0;
  return {
    P: frac(r.matched, r.pred),
    R: frac(r.matched, r.gold),
    F1: p + rc ? (2 * p * rc) / (p + rc) : 0,
    strictF1: sp + sr ? (2 * sp * sr) / (sp + sr) : 0,
    value: frac(r.value, r.matched),
    kind: frac(r.kind, r.matched),
    qual: frac(r.qualifier, r.matched),
    status: frac(r.status, r.matched),
    indic: frac(r.indicator, r.matched),
    section: frac(r.section, r.matched),
    offsets: frac(r.offsets, r.pred),
  };
}

/** A score table like score.mjs prints (percentages, one decimal, tab-separated): `formatScoreTable(rows)`. */
export function formatScoreTable(rows: readonly ScoreRow[], first = "doc"): string {
  const pct = (x: number | null) => (x === null ? "-" : (100 * x).toFixed(1));
  const lines = [[first, "gold", "pred", ...METRICS].join("\t")];
  for (const r of rows) {
    const m = rowMetrics(r);
    lines.push([r.doc, r.gold, r.pred, ...METRICS.map((k) => pct(m[k]))].join("\t"));
  }
  return lines.join("\n") + "\n";
}
