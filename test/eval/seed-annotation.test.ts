import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGoldFile } from "../../src/eval/gold.js";
import { loadKnown } from "../../src/eval/known.js";
import { readExpected } from "../../src/eval/expected.js";
import { charF1 } from "../../src/eval/score.js";
import { ROOT, SHARED } from "./helpers.js";

const SEED = "000_a856141411780175";
const FIELDS = ["raw", "kind", "value", "unit", "qualifier", "status", "section_title"] as const;

/**
 * Issue 6: the seed's expected records equal its reference annotation in every field the annotation has;
 * the indicator, a phrase whose exact bounds are a judgement, as the scorer compares it (character F1 ≥ 0.5).
 */
describe("the seed report's expected records", () => {
  const [seed] = loadKnown(join(ROOT, "corpus", "known.yaml")).filter((k) => k.doc_id === SEED);
  const expected = readExpected(seed.expectedPath) ?? [];
  const gold = loadGoldFile(join(SHARED, "gold", `${SEED}.gold.jsonl`)).gold;

  it("equal its reference annotation, span by span and field by field", () => {
    const bySpan = new Map(expected.map((r) => [`${r.start}-${r.end}`, r]));
    const problems: string[] = [];
    for (const g of gold) {
      const r = bySpan.get(`${g.start}-${g.end}`);
      if (!r) {
        problems.push(`missing ${g.start}-${g.end} ${g.raw}`);
        continue;
      }
      bySpan.delete(`${g.start}-${g.end}`);
      const indicator = typeof r.indicator === "string" ? r.indicator : "";
      if (charF1(indicator, g.indicator) < 0.5) problems.push(`${g.start}-${g.end} ${g.raw} indicator: ${JSON.stringify(indicator)}, annotated ${JSON.stringify(g.indicator)}`);
      for (const f of FIELDS) {
        if (JSON.stringify(r[f]) !== JSON.stringify(g[f])) problems.push(`${g.start}-${g.end} ${g.raw} ${f}: ${JSON.stringify(r[f])}, annotated ${JSON.stringify(g[f])}`);
      }
    }
    for (const r of bySpan.values()) problems.push(`not annotated ${r.start}-${r.end} ${String(r.raw)} [${String(r.rule_id)}]`);
    expect(problems).toEqual([]);
  });
});
