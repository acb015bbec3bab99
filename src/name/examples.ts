import type { Engine } from "../pipeline/engine.js";
import { extractText, type Trace } from "../pipeline/extract.js";
import type { ExampleResult } from "../rules/examples.js";

/**
 * Runs every example (some figure of the sentence must get the code, with that value) and
 * counterexample (no figure may get it) of every catalogue entry, through the whole pipeline:
 * `runCatalogueExamples(engine)` → one result per sentence, as `runRuleExamples` gives for rules.
 */
export function runCatalogueExamples(engine: Engine): ExampleResult[] {
  const out: ExampleResult[] = [];
  const named = (text: string) => {
    const trace: Trace = { sentences: [], matches: [], rejected: [], steps: [], names: new Map() };
    const { records } = extractText(text, { doc_id: "example" }, engine, trace);
    return records.map((r) => ({ r, codes: trace.names!.get(r.record_id)?.names.map((n) => n.code) ?? [] }));
  };
  const show = (got: ReturnType<typeof named>) => (got.length ? got.map(({ r, codes }) => `${r.raw} → ${codes.join("+") || "no code"} («${r.indicator ?? ""}», ${r.kind})`).join("; ") : "no figure");
  for (const ind of engine.rules.catalogue.byCode.values()) {
    const { spec, file, line } = ind;
    const rule = `indicator ${spec.code}`;
    for (const ex of spec.examples) {
      const got = named(ex.text);
      const ok = got.some(({ r, codes }) => codes.includes(spec.code) && Math.abs(r.value - ex.value) <= 1e-6 * Math.max(1, Math.abs(ex.value)));
      out.push({ file, line, rule, text: ex.text, ok, message: ok ? "ok" : `expected a figure of value ${ex.value} named ${spec.code}; got ${show(got)}` });
    }
    for (const text of spec.counterexamples) {
      const got = named(text);
      const bad = got.filter(({ codes }) => codes.includes(spec.code));
      out.push({ file, line, rule, text, ok: bad.length === 0, message: bad.length ? `counterexample named ${spec.code}: ${show(bad)}` : "ok" });
    }
  }
  return out;
}
