import type { AcceptResult } from "./run-accept.js";

const v = (x: unknown) => (typeof x === "string" ? JSON.stringify(x) : JSON.stringify(x ?? null));

/** `check --accept`'s report: each change with its review line, then what was written: `formatAccept(result, false)`. */
export function formatAccept(r: AcceptResult, dryRun: boolean): string {
  if (r.problems.length) {
    return `${r.problems.join("\n")}\nzhibiao check --accept: ${r.problems.length} problem${r.problems.length > 1 ? "s" : ""}; nothing written\n`;
  }
  const lines: string[] = [];
  for (const c of r.changes) {
    const rec = c.record;
    const what = `${c.doc_id} ${rec.start}-${rec.end} ${v(rec.raw)}`;
    const sign = { added: "+", removed: "-", replaced: "~", unchanged: "=" }[c.action];
    const tail = c.action === "replaced" ? c.fields.map((f) => `\n      ${f.field}: ${v(f.old)} → ${v(f.new)}`).join("") : "";
    const desc = c.action === "unchanged" ? (c.verdict === "wrong" ? "already absent" : "already expected") : `${rec.kind} ${rec.value} ${rec.unit} ${rec.indicator ?? ""}`.trim();
    lines.push(`  ${sign} line ${c.line} ${c.verdict.padEnd(9)} ${c.action === "unchanged" && c.verdict === "wrong" ? c.doc_id : what}  ${desc}${tail}`);
  }
  const counts = ["added", "removed", "replaced", "unchanged"].map((a) => `${r.changes.filter((c) => c.action === a).length} ${a}`).join(", ");
  const skipped = r.panelSkipped ? `; ${r.panelSkipped} panel verdict${r.panelSkipped > 1 ? "s" : ""} not applied (the expected files hold records; zhibiao review gold writes them as panel gold)` : "";
  const files = r.written.length ? `${dryRun ? "would write" : "wrote"} ${r.written.length} expected file${r.written.length > 1 ? "s" : ""}` : "no expected file changes";
  return `${lines.join("\n")}${lines.length ? "\n" : ""}zhibiao check --accept: ${r.selected} verdict${r.selected === 1 ? "" : "s"}: ${counts}${skipped}; ${files}\n${r.written.map((w) => `  ${w}\n`).join("")}`;
}
