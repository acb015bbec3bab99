import type { StoredRecord } from "./expected.js";
import type { CheckResult, ReportCheck } from "./check.js";

/** The human report of a check: per report its added, removed and changed records, then tables: `formatCheck(await runCheck(known))`. */
export function formatCheck(result: CheckResult, opts: { update?: boolean; summary?: boolean } = {}): string {
  const parts: string[] = [];
  for (const r of result.reports) {
    const body = opts.summary && r.status !== "error" ? "" : formatReport(r);
    if (body) parts.push(body);
  }
  const byRule = formatByRule(result);
  if (byRule) parts.push(byRule);
  parts.push(formatSummary(result, opts.update ?? false));
  return parts.join("\n");
}

/** Differences counted by rule id across all reports (empty when there are none): `formatByRule(result)`. */
export function formatByRule(result: CheckResult): string {
  const counts = new Map<string, [number, number, number]>();
  const bump = (rule: unknown, i: 0 | 1 | 2) => {
    const id = typeof rule === "string" ? rule : "?";
    const c = counts.get(id) ?? [0, 0, 0];
    c[i]++;
    counts.set(id, c);
  };
  for (const r of result.reports) {
    for (const x of r.diff.added) bump(x.rule_id, 0);
    for (const x of r.diff.removed) bump(x.rule_id, 1);
    for (const c of r.diff.changed) {
      bump(c.new.rule_id, 2);
      if (c.old.rule_id !== c.new.rule_id) bump(c.old.rule_id, 2);
    }
  }
  if (!counts.size) return "";
  const rows = [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const w = Math.max(4, ...rows.map(([id]) => id.length));
  const lines = [`${"rule".padEnd(w)}  added  removed  changed`];
  for (const [id, [a, r, c]] of rows) lines.push(`${id.padEnd(w)}  ${String(a).padStart(5)}  ${String(r).padStart(7)}  ${String(c).padStart(7)}`);
  return lines.join("\n") + "\n";
}

/** The detail of one report (empty when it is clean): `formatReport(check)`. */
export function formatReport(r: ReportCheck): string {
  if (r.status === "error") return `✗ ${r.doc_id}: ERROR ${r.error}\n`;
  const { added, removed, changed } = r.diff;
  if (!added.length && !removed.length && !changed.length && r.status !== "new") return "";
  const lines = [`● ${r.doc_id}  (${r.text} vs ${r.expected}${r.status === "new" ? ", no expected file yet" : ""})`];
  type Item = { at: number; text: string[] };
  const items: Item[] = [];
  for (const x of added) items.push({ at: x.start, text: [`  + added    ${head(x)}  ${describe(x)}`, sentenceLine(x)] });
  for (const x of removed) items.push({ at: x.start, text: [`  - removed  ${head(x)}  ${describe(x)}`, sentenceLine(x)] });
  for (const c of changed) {
    const rule = c.old.rule_id === c.new.rule_id ? head(c.new) : `${head(c.new)} (was ${show(c.old.rule_id)})`;
    items.push({
      at: c.new.start,
      text: [`  ~ changed  ${rule}`, ...c.fields.map((f) => `             ${f.field}: ${show(f.old)} → ${show(f.new)}`), sentenceLine(c.new)],
    });
  }
  items.sort((a, b) => a.at - b.at);
  for (const it of items) lines.push(...it.text);
  return lines.join("\n") + "\n";
}

function head(x: StoredRecord): string {
  return `[${typeof x.rule_id === "string" ? x.rule_id : "?"}] ${x.start}-${x.end} ${JSON.stringify(x.raw ?? "")}`;
}

function describe(x: StoredRecord): string {
  return [x.kind, x.value, x.unit, x.qualifier, x.status, x.indicator].map((v) => (v === null || v === undefined ? "-" : String(v))).join(" ");
}

function sentenceLine(x: StoredRecord): string {
  return `             sentence: ${typeof x.sentence === "string" ? x.sentence : "-"}`;
}

function show(v: unknown): string {
  return v === undefined ? "(none)" : JSON.stringify(v);
}

/** The summary table of a check, one row per report and a total: `formatSummary(result, false)`. */
export function formatSummary(result: CheckResult, update: boolean): string {
  const header = ["report", "expected", "actual", "added", "removed", "changed", "result"];
  const rows = result.reports.map((r) => [
    r.doc_id, String(r.expected_count), String(r.actual_count), String(r.diff.added.length),
    String(r.diff.removed.length), String(r.diff.changed.length), r.status === "error" ? "ERROR" : r.status,
  ]);
  const sum = (i: number) => String(rows.reduce((n, row) => n + Number(row[i]), 0));
  rows.push(["TOTAL", sum(1), sum(2), sum(3), sum(4), sum(5), verdict(result, update)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const fmt = (row: string[]) => row.map((c, i) => (i === 0 || i === row.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  return [fmt(header), ...rows.map(fmt)].join("\n") + "\n";
}

function verdict(result: CheckResult, update: boolean): string {
  const errs = result.errors ? `, ${result.errors} error${result.errors > 1 ? "s" : ""}` : "";
  if (update) return `expected files updated${errs}`;
  if (!result.differing) return `clean${errs}`;
  return `${result.differing} report${result.differing > 1 ? "s" : ""} differ${result.differing > 1 ? "" : "s"}${errs}`;
}
