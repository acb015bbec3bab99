import type { Engine } from "../pipeline/engine.js";
import { extractText } from "../pipeline/extract.js";
import type { MetricRecord } from "../model/record.js";
import type { Expect } from "./schema.js";
import type { RuleProblem } from "./yaml-file.js";

/** One example or counterexample run: what was asked, what came out. */
export interface ExampleResult {
  file: string;
  line: number | null;
  rule: string;
  text: string;
  ok: boolean;
  message: string;
}

/** Whether a record has every field the example expects (`raw: "*"` accepts any span). */
export function matchesExpect(r: MetricRecord, e: Expect): boolean {
  if (e.raw !== "*" && r.raw !== e.raw) return false;
  for (const [k, v] of Object.entries(e)) {
    if (k === "raw") continue;
    const got = (r as Record<string, unknown>)[k];
    if (typeof v === "number") {
      if (typeof got !== "number" || Math.abs(got - v) > 1e-6 * Math.max(1, Math.abs(v))) return false;
    } else if (got !== v) return false;
  }
  return true;
}

/** The fields of a record that differ from what an example expects: `expectDiff(r, e)` → ['indicator: expected "收入比", got "收入"']. */
export function expectDiff(r: MetricRecord, e: Expect): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(e)) {
    if (k === "raw" && v === "*") continue;
    const got = (r as Record<string, unknown>)[k];
    const same = typeof v === "number" ? typeof got === "number" && Math.abs(got - v) <= 1e-6 * Math.max(1, Math.abs(v)) : got === v;
    if (!same) out.push(`${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(got ?? null)}`);
  }
  return out;
}

/**
 * Why an example failed, naming the record nearest to it and each field that differs: the rule's own
 * record of the span, else another rule's record of the span (which won the overlap), else what came out.
 */
function whyNot(records: readonly MetricRecord[], ruleId: string, e: Expect): string {
  const sameSpan = (r: MetricRecord) => e.raw === "*" || r.raw === e.raw;
  const own = records.filter((r) => r.rule_id === ruleId && sameSpan(r));
  const nearest = (list: readonly MetricRecord[]) => list.slice().sort((a, b) => expectDiff(a, e).length - expectDiff(b, e).length)[0];
  const mine = nearest(own);
  if (mine) return `rule ${ruleId} gave ${show(mine)}, but ${expectDiff(mine, e).join("; ")}`;
  const other = nearest(records.filter(sameSpan));
  const ownAnywhere = records.filter((r) => r.rule_id === ruleId);
  if (other) {
    const diff = expectDiff(other, e);
    return `${JSON.stringify(other.raw)} came from rule ${other.rule_id} instead (it won the overlap, or ${ruleId} did not match there): ${show(other)}${diff.length ? `; ${diff.join("; ")}` : ""}`;
  }
  if (ownAnywhere.length) return `rule ${ruleId} matched elsewhere: ${ownAnywhere.map(show).join("; ")}; raw: expected ${JSON.stringify(e.raw)}`;
  return `rule ${ruleId} gave nothing; got ${records.length ? records.map(show).join("; ") : "no record at all"}`;
}

const show = (r: MetricRecord) => `${r.raw} → ${r.kind} ${r.value}${r.value_max !== null ? `–${r.value_max}` : ""} ${r.unit} ${r.qualifier}${r.indicator ? ` «${r.indicator}»` : ""} ${r.status} [${r.rule_id}]`;

/**
 * Runs every example (the rule must yield a record with the expected fields) and counterexample (the
 * rule must yield nothing) of every loaded rule, through the whole pipeline.
 */
export function runRuleExamples(engine: Engine): ExampleResult[] {
  const out: ExampleResult[] = [];
  for (const rule of engine.rules.rules) {
    const { spec, file, line } = rule;
    for (const ex of spec.examples) {
      for (const text of ex.texts ?? [ex.text!]) {
        const { records } = extractText(text, { doc_id: "example" }, engine);
        const hit = records.find((r) => r.rule_id === spec.id && matchesExpect(r, ex.expect));
        out.push({
          file, line, rule: spec.id, text, ok: !!hit,
          message: hit ? "ok" : whyNot(records, spec.id, ex.expect),
        });
      }
    }
    for (const text of spec.counterexamples) {
      const { records } = extractText(text, { doc_id: "example" }, engine);
      const bad = records.filter((r) => r.rule_id === spec.id);
      out.push({ file, line, rule: spec.id, text, ok: bad.length === 0, message: bad.length ? `counterexample matched: ${bad.map(show).join("; ")}` : "ok" });
    }
  }
  for (const neg of engine.rules.lexicon.negatives) {
    const { records } = extractText(neg.text, { doc_id: "example" }, engine);
    out.push({ file: "lexicon/negatives.yaml", line: null, rule: "negatives", text: neg.text, ok: records.length === 0, message: records.length ? `not a metric mention (${neg.why}), got ${records.map(show).join("; ")}` : "ok" });
  }
  return out;
}

/** The failures as rule problems, for `rules lint`. */
export function exampleProblems(results: ExampleResult[]): RuleProblem[] {
  return results.filter((r) => !r.ok).map((r) => ({ file: r.file, line: r.line, rule: r.rule, message: `“${r.text}”: ${r.message}` }));
}
