import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkFloors, formatFloorFailures, loadFloors } from "../../src/eval/floors.js";
import type { ScoreRow } from "../../src/eval/score.js";
import { ROOT, tempDir } from "./helpers.js";

const row = (doc: string, o: Partial<ScoreRow> = {}): ScoreRow => ({
  doc, gold: 20, pred: 20, matched: 20, value: 20, kind: 20, qualifier: 20, status: 20, indicator: 20, section: 20, strict: 19, offsets: 20, ...o,
});

describe("quality floors", () => {
  const { dir, cleanup } = tempDir("floors");
  afterAll(cleanup);

  it("the committed floors hold at least the issue-2 floors", () => {
    const f = loadFloors(join(ROOT, "quality", "floors.json"));
    expect(f["000_a856141411780175"].strictF1).toBeGreaterThanOrEqual(0.95);
    expect(f.TOTAL.F1).toBeGreaterThanOrEqual(0.93);
    expect(f.TOTAL.strictF1).toBeGreaterThanOrEqual(0.85);
    for (const set of Object.values(f)) expect(set.offsets).toBe(1);
  });

  it("pass when every figure reaches its floor, an exact 0.95 included", () => {
    const score = { documents: [row("a")], total: row("TOTAL") };
    expect(checkFloors(score, { a: { strictF1: 0.95, offsets: 1 }, TOTAL: { F1: 1 } })).toEqual([]);
  });

  it("name each figure under its floor, and a floor on a report that was not scored", () => {
    const score = { documents: [row("a", { offsets: 19, pred: 20 })], total: row("TOTAL", { pred: 0, matched: 0 }) };
    const failures = checkFloors(score, { a: { offsets: 1, kind: 0.5 }, TOTAL: { F1: 0.9, offsets: 1 }, ghost: { F1: 0.1 } });
    expect(failures.map((f) => `${f.doc}.${f.metric}`)).toEqual(["a.offsets", "TOTAL.F1", "TOTAL.offsets", "ghost.F1"]);
    expect(failures[0].actual).toBeCloseTo(0.95);
    const text = formatFloorFailures(failures);
    expect(text).toContain("a offsets 0.950 < floor 1.000");
    expect(text).toContain("ghost F1 n/a");
  });

  it("reject an unknown metric or a floor above 1", () => {
    const f = join(dir, "bad.json");
    writeFileSync(f, JSON.stringify({ TOTAL: { f1: 0.9 } }));
    expect(() => loadFloors(f)).toThrow(/f1/);
    writeFileSync(f, JSON.stringify({ TOTAL: { F1: 93 } }));
    expect(() => loadFloors(f)).toThrow(/TOTAL\.F1/);
  });
});
