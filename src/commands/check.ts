import type { Command } from "./types.js";
import { parse, str, strs, UsageError } from "./args.js";
import { DEFAULT_KNOWN_FILE, loadKnown } from "../eval/known.js";
import { runCheck } from "../eval/check.js";
import { formatCheck } from "../eval/format.js";
import { checkToJson } from "../eval/check-json.js";

const HELP = `Usage: zhibiao check [options]

Re-extracts every known report listed in corpus/known.yaml and compares the records with the reviewed
ones in corpus/expected/<doc_id>.jsonl, matching by span (same start and end, then overlap for moved
spans). Prints, per report, the records added, removed and changed (field by field, old → new), each with
its rule id and sentence, then a summary table.

Options:
  --report <doc_id>     check only this report (repeatable)
  --update              rewrite the expected files with the new records (review the diff first)
  --json                print the result as JSON
  --summary             print only the tables (by rule, by report), not each record
  --known <file>        the known reports list (default: ${DEFAULT_KNOWN_FILE})
  --rules <dir>         an extra rule folder loaded on top of the built-in rules (repeatable)
  --base-rules <dir>    use this folder instead of the built-in rules/ (e.g. a modified copy)
  -h, --help            this help

Exit codes: 0 no difference (or --update done); 1 some records differ, or bad usage/configuration;
2 a known report could not be read (its text file is missing or unreadable).
`;

export const checkCommand: Command = {
  summary: "compare the records of the known reports with their reviewed expected records",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      report: { type: "string", multiple: true },
      update: { type: "boolean" },
      json: { type: "boolean" },
      summary: { type: "boolean" },
      known: { type: "string" },
      rules: { type: "string", multiple: true },
      "base-rules": { type: "string" },
    }, false);
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const all = loadKnown(str(values.known) ?? DEFAULT_KNOWN_FILE);
    const wanted = strs(values.report);
    const unknown = wanted.filter((id) => !all.some((r) => r.doc_id === id));
    if (unknown.length) throw new UsageError(`unknown report ${unknown.join(", ")} (known: ${all.map((r) => r.doc_id).join(", ")})`);
    const reports = wanted.length ? all.filter((r) => wanted.includes(r.doc_id)) : all;
    const update = values.update === true;
    const result = await runCheck(reports, { baseRulesDir: str(values["base-rules"]), rulesDirs: strs(values.rules), update });
    if (values.json) process.stdout.write(JSON.stringify(checkToJson(result, update), null, 2) + "\n");
    else process.stdout.write(formatCheck(result, { update, summary: values.summary === true }));
    for (const r of result.reports) if (r.error) process.stderr.write(`zhibiao check: ${r.error}\n`);
    if (result.errors) return 2;
    return update || !result.differing ? 0 : 1;
  },
};
