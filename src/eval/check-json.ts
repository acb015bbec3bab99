import type { CheckResult } from "./check.js";
import { stableRecord } from "./expected.js";

/** The machine form of a check (`zhibiao check --json`): `checkToJson(result, false).ok`. */
export function checkToJson(result: CheckResult, update: boolean) {
  return {
    ok: !result.errors && (update || !result.differing),
    updated: update,
    differing: result.differing,
    errors: result.errors,
    reports: result.reports.map((r) => ({
      doc_id: r.doc_id,
      text: r.text,
      expected: r.expected,
      status: r.status,
      error: r.error,
      expected_count: r.expected_count,
      actual_count: r.actual_count,
      unchanged: r.diff.unchanged,
      added: r.diff.added.map(stableRecord),
      removed: r.diff.removed.map(stableRecord),
      changed: r.diff.changed.map((c) => ({
        rule_id: c.new.rule_id ?? null,
        old_rule_id: c.old.rule_id ?? null,
        start: c.new.start,
        end: c.new.end,
        raw: c.new.raw ?? null,
        sentence: c.new.sentence ?? null,
        fields: c.fields.map((f) => ({ field: f.field, old: f.old ?? null, new: f.new ?? null })),
      })),
    })),
  };
}
