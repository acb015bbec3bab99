import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/pipeline/engine.js";
import { extractText } from "../../src/pipeline/extract.js";
import { sharedText } from "../helpers.js";

describe("the per-document time budget of matching", () => {
  const engine = createEngine();
  it("turns a runaway into an error diagnostic, not a hang", () => {
    const text = sharedText("national_2023");
    const { records, diagnostics } = extractText(text, { doc_id: "slow", budgetMs: -1 }, engine);
    const d = diagnostics.find((x) => x.code === "time-budget")!;
    expect(d).toMatchObject({ severity: "error", stage: "match", doc_id: "slow" });
    expect(d.message).toMatch(/matching stopped after -1 ms at offset \d+/);
    expect(records).toEqual([]);
  });
  it("a normal budget leaves a whole report alone", () => {
    const { diagnostics, records } = extractText(sharedText("national_2023"), { doc_id: "ok" }, engine);
    expect(diagnostics.some((x) => x.code === "time-budget")).toBe(false);
    expect(records.length).toBeGreaterThan(100);
  });
});
