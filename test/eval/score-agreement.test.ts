import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadGoldDir, type GoldDoc } from "../../src/eval/gold.js";
import { scoreRecords, textDirsLookup, type PredRecord } from "../../src/eval/score.js";
import { rowMetrics } from "../../src/eval/metrics.js";
import { SHARED, node, tempDir } from "./helpers.js";

const GOLD = join(SHARED, "gold");
const TEXTS = [join(SHARED, "seeds"), join(SHARED, "corpus")];
const SCORER = join(SHARED, "eval", "score.mjs");
const KINDS = ["quantity", "rate", "progress", "change", "baseline", "share"];

/**
 * Predictions made from the gold with every kind of mistake, deterministically: dropped mentions (misses),
 * shifted and widened spans, wrong value, unit, kind, qualifier, status, indicator and section, bad raw
 * (offsets), extra records inside and outside the windows, a missing qualifier (counts as exact).
 */
function perturbed(golds: readonly GoldDoc[]): PredRecord[] {
  const out: PredRecord[] = [];
  for (const g of golds) {
    g.gold.forEach((m, i) => {
      if (i % 11 === 3) return;
      const r: PredRecord & Record<string, unknown> = {
        doc_id: g.doc_id, start: m.start, end: m.end, raw: m.raw, kind: m.kind, value: m.value, unit: m.unit,
        qualifier: m.qualifier, indicator: m.indicator, status: m.status, section: `一、总 > ${m.section_title}`,
      };
      if (i % 5 === 1) { r.start += 1; r.raw = m.raw.slice(1); }
      if (i % 7 === 2) r.end += 2;
      if (i % 6 === 0) r.value = m.value * 10;
      if (i % 13 === 4) r.unit = "个";
      if (i % 4 === 2) r.kind = KINDS[(KINDS.indexOf(m.kind) + 1) % KINDS.length];
      if (i % 9 === 5) r.qualifier = m.qualifier === "exact" ? "approx" : "exact";
      if (i % 10 === 7 && m.qualifier === "exact") delete r.qualifier;
      if (i % 8 === 3) r.status = m.status === "actual" ? "target" : "actual";
      if (i % 3 === 1) r.indicator = i % 2 ? "完全无关的东西" : null;
      if (i % 12 === 6) r.section = "另一节";
      if (i % 15 === 8) r.raw = `${m.raw}x`;
      out.push(r);
      if (i % 17 === 9) out.push({ ...r, start: m.end + 1, end: m.end + 4, raw: "多余", kind: "share" });
    });
    out.push({ doc_id: g.doc_id, start: 0, end: 3, raw: "标题", kind: "quantity", value: 1, unit: "个", qualifier: "exact", status: "actual", section: "" });
  }
  out.push({ doc_id: "not_in_gold", start: 0, end: 1, raw: "x", kind: "rate" });
  return out;
}

describe("score agrees with ../shared/eval/score.mjs", () => {
  const { dir, cleanup } = tempDir("score");
  afterAll(cleanup);
  const golds = loadGoldDir(GOLD);
  const cases: [string, PredRecord[]][] = [
    ["perturbed gold", perturbed(golds)],
    ["the gold itself", golds.flatMap((g) => g.gold.map((m) => ({ ...m, doc_id: g.doc_id, section: m.section_title })))],
    ["no records", []],
  ];

  it.each(cases)("%s: same counts per report and in total", (name, records) => {
    const file = join(dir, `${name.replace(/\W+/g, "_")}.jsonl`);
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const official = node([SCORER, "--gold", GOLD, ...TEXTS.flatMap((t) => ["--text", t]), "--pred", file, "--json"]);
    expect(official.code, official.stderr).toBe(0);
    const mine = scoreRecords(golds, records, textDirsLookup(TEXTS));
    expect({ documents: mine.documents, total: mine.total }).toEqual(JSON.parse(official.stdout));
  });

  it("lists the same misses, extras and wrong fields as score.mjs --errors", () => {
    const records = perturbed(golds);
    const file = join(dir, "errors.jsonl");
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const official = node([SCORER, "--gold", GOLD, ...TEXTS.flatMap((t) => ["--text", t]), "--pred", file, "--errors"]);
    const lines = official.stdout.trimEnd().split("\n");
    const legend = lines.findIndex((l) => l.startsWith("P/R/F1:"));
    const mine = scoreRecords(golds, records, textDirsLookup(TEXTS));
    expect(mine.errors.length).toBeGreaterThan(50);
    expect(mine.errors).toEqual(lines.slice(legend + 1));
  });

  it("honours windows: a record outside every window is not scored", () => {
    const windowed = golds.find((g) => g.windows)!;
    const [, end] = windowed.windows![0];
    const outside: PredRecord = { doc_id: windowed.doc_id, start: end + 1, end: end + 3, raw: "xx", kind: "rate" };
    const before = scoreRecords([windowed], [], () => null).total;
    const after = scoreRecords([windowed], [outside], () => null).total;
    expect(after.pred).toBe(before.pred);
  });

  it("per kind: gold and matches by gold kind, extras by their own kind, adding up to the total", () => {
    const mine = scoreRecords(golds, perturbed(golds), textDirsLookup(TEXTS));
    const sum = (k: "gold" | "pred" | "matched" | "strict") => mine.kinds.reduce((n, r) => n + r[k], 0);
    expect(sum("gold")).toBe(mine.total.gold);
    expect(sum("pred")).toBe(mine.total.pred);
    expect(sum("matched")).toBe(mine.total.matched);
    expect(sum("strict")).toBe(mine.total.strict);
    const goldRates = golds.flatMap((g) => g.gold).filter((m) => m.kind === "rate").length;
    expect(mine.kinds.find((r) => r.doc === "rate")?.gold).toBe(goldRates);
  });

  it("turns counts into the fractions score.mjs prints", () => {
    const m = rowMetrics({ doc: "d", gold: 10, pred: 8, matched: 6, value: 3, kind: 6, qualifier: 5, status: 6, indicator: 2, section: 6, strict: 4, offsets: 8 });
    expect(m.P).toBeCloseTo(0.75);
    expect(m.R).toBeCloseTo(0.6);
    expect(m.F1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
    expect(m.strictF1).toBeCloseTo((2 * 0.5 * 0.4) / 0.9);
    expect(m.value).toBeCloseTo(0.5);
    expect(m.offsets).toBe(1);
    expect(rowMetrics({ doc: "d", gold: 3, pred: 0, matched: 0, value: 0, kind: 0, qualifier: 0, status: 0, indicator: 0, section: 0, strict: 0, offsets: 0 }).offsets).toBeNull();
  });
});
