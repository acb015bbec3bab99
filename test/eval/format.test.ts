import { describe, expect, it } from "vitest";
import { formatCheck } from "../../src/eval/format.js";
import { checkToJson } from "../../src/eval/check-json.js";
import { diffRecords } from "../../src/eval/diff.js";
import type { CheckResult } from "../../src/eval/check.js";
import type { StoredRecord } from "../../src/eval/expected.js";

const rec = (start: number, end: number, raw: string, extra: Record<string, unknown> = {}): StoredRecord => ({
  doc_id: "d", start, end, raw, kind: "quantity", value: 3, unit: "家", qualifier: "exact", indicator: "企业", status: "actual",
  sentence: `句子${start}`, rule_id: "count-unit", ...extra,
});

function result(expected: StoredRecord[], actual: StoredRecord[]): CheckResult {
  const diff = diffRecords(expected, actual);
  return {
    reports: [
      { doc_id: "d", text: "texts/d.txt", expected: "corpus/expected/d.jsonl", status: "changed", error: null, expected_count: expected.length, actual_count: actual.length, diff },
      { doc_id: "e", text: "texts/e.txt", expected: "corpus/expected/e.jsonl", status: "clean", error: null, expected_count: 0, actual_count: 0, diff: diffRecords([], []) },
    ],
    differing: 1,
    errors: 0,
  };
}

describe("check output", () => {
  const r = result(
    [rec(0, 2, "3家"), rec(10, 14, "100%", { kind: "rate", rule_id: "rate-value" }), rec(30, 32, "5处")],
    [rec(0, 2, "3家", { kind: "share", value: 30, unit: "%" }), rec(11, 14, "00%", { kind: "rate", rule_id: "rate-value" }), rec(40, 44, "36.2%", { rule_id: "change-verb" })],
  );

  it("lists added, removed and changed records with rule id, span, sentence and old → new per field", () => {
    const text = formatCheck(r);
    expect(text).toContain('● d  (texts/d.txt vs corpus/expected/d.jsonl)');
    expect(text).toContain('  ~ changed  [count-unit] 0-2 "3家"\n             kind: "quantity" → "share"\n             value: 3 → 30\n             unit: "家" → "%"\n             sentence: 句子0');
    expect(text).toContain('  ~ changed  [rate-value] 11-14 "00%"\n             start: 10 → 11\n             raw: "100%" → "00%"');
    expect(text).toContain('  - removed  [count-unit] 30-32 "5处"  quantity 3 家 exact actual 企业\n             sentence: 句子30');
    expect(text).toContain('  + added    [change-verb] 40-44 "36.2%"');
    expect(text).not.toContain("● e");
    expect(text).toMatch(/^rule\s+added\s+removed\s+changed$/m);
    expect(text).toMatch(/^change-verb\s+1\s+0\s+0$/m);
    expect(text).toMatch(/^count-unit\s+0\s+1\s+1$/m);
    expect(text).toMatch(/^rate-value\s+0\s+0\s+1$/m);
    expect(text).toMatch(/^report\s+expected\s+actual\s+added\s+removed\s+changed\s+result$/m);
    expect(text).toMatch(/^d\s+3\s+3\s+1\s+1\s+2\s+changed$/m);
    expect(text).toMatch(/^e\s+0\s+0\s+0\s+0\s+0\s+clean$/m);
    expect(text).toMatch(/^TOTAL\s+3\s+3\s+1\s+1\s+2\s+1 report differs$/m);
  });

  it("--summary keeps only the tables", () => {
    const text = formatCheck(r, { summary: true });
    expect(text).not.toContain("●");
    expect(text).toMatch(/^count-unit\s+0\s+1\s+1$/m);
    expect(text).toMatch(/^TOTAL\s+3\s+3\s+1\s+1\s+2\s+1 report differs$/m);
  });

  it("gives the same facts as JSON", () => {
    const json = checkToJson(r, false);
    expect(json.ok).toBe(false);
    const d = json.reports[0];
    expect(d.added.map((x) => x.raw)).toEqual(["36.2%"]);
    expect(d.removed.map((x) => x.raw)).toEqual(["5处"]);
    expect(d.changed[0]).toMatchObject({ rule_id: "count-unit", start: 0, end: 2, sentence: "句子0" });
    expect(d.changed[0].fields).toContainEqual({ field: "kind", old: "quantity", new: "share" });
  });
});
