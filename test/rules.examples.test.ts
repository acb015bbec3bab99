import { describe, expect, it } from "vitest";
import { createEngine } from "../src/pipeline/engine.js";
import { runRuleExamples } from "../src/rules/examples.js";
import { runCatalogueExamples } from "../src/name/examples.js";

// Every example and counterexample of every rule file, through the whole pipeline (textlint-tester style),
// and every negative of rules/lexicon/negatives.yaml (the text yields no record at all).
const engine = createEngine();
const results = [...runRuleExamples(engine), ...runCatalogueExamples(engine)];

describe("rule examples", () => {
  it("every rule has examples and counterexamples", () => {
    for (const r of engine.rules.rules) {
      expect(r.spec.examples.length, r.spec.id).toBeGreaterThan(0);
      expect(r.spec.counterexamples.length, r.spec.id).toBeGreaterThan(0);
    }
    expect(results.length).toBeGreaterThan(100);
    for (const ind of engine.rules.catalogue.byCode.values()) {
      expect(ind.spec.examples.length, ind.spec.code).toBeGreaterThan(0);
      expect(ind.spec.counterexamples.length, ind.spec.code).toBeGreaterThan(0);
    }
  });

  it.each(results.map((r) => [`${r.rule} — ${r.text}`, r] as const))("%s", (_name, r) => {
    expect(r.ok, `${r.file}:${r.line ?? "?"} ${r.message}`).toBe(true);
  });
});
