import { describe, expect, it } from "vitest";
import { diffRecords, isClean } from "../../src/eval/diff.js";
import type { StoredRecord } from "../../src/eval/expected.js";

const rec = (start: number, end: number, extra: Record<string, unknown> = {}): StoredRecord => ({
  start, end, raw: "x".repeat(end - start), kind: "quantity", value: 1, rule_id: "count-unit", sentence: "s", ...extra,
});

describe("diffRecords", () => {
  it("finds nothing between equal lists, whatever their order", () => {
    const a = [rec(0, 2), rec(5, 8), rec(10, 12)];
    const d = diffRecords(a, [...a].reverse());
    expect(isClean(d)).toBe(true);
    expect(d.unchanged).toBe(3);
  });

  it("reports a changed field on the same span, old → new", () => {
    const d = diffRecords([rec(0, 2)], [rec(0, 2, { kind: "rate" })]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0].fields).toEqual([{ field: "kind", old: "quantity", new: "rate" }]);
  });

  it("matches a moved span by overlap and shows start, end and raw changing", () => {
    const d = diffRecords([rec(10, 14)], [rec(11, 14)]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0].fields.map((f) => f.field)).toEqual(["start", "raw"]);
  });

  it("prefers the same span over an overlapping one", () => {
    const d = diffRecords([rec(0, 4)], [rec(0, 2), rec(0, 4, { value: 2 })]);
    expect(d.changed[0].new.end).toBe(4);
    expect(d.added.map((r) => [r.start, r.end])).toEqual([[0, 2]]);
  });

  it("lists records only on one side as added and removed", () => {
    const d = diffRecords([rec(0, 2), rec(20, 22)], [rec(0, 2), rec(30, 33)]);
    expect(d.added.map((r) => r.start)).toEqual([30]);
    expect(d.removed.map((r) => r.start)).toEqual([20]);
    expect(d.unchanged).toBe(1);
  });

  it("counts a field that appears or disappears as a change", () => {
    const d = diffRecords([rec(0, 2)], [rec(0, 2, { period: "2023" })]);
    expect(d.changed[0].fields).toEqual([{ field: "period", old: undefined, new: "2023" }]);
  });

  it("pairs several records on one span in order", () => {
    const d = diffRecords([rec(0, 2, { rule_id: "a" }), rec(0, 2, { rule_id: "b" })], [rec(0, 2, { rule_id: "a" }), rec(0, 2, { rule_id: "b" })]);
    expect(isClean(d)).toBe(true);
  });
});
