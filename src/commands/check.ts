import type { Command } from "./types.js";
import { parse, str, strs, UsageError } from "./args.js";
import { DEFAULT_KNOWN_FILE, loadKnown } from "../eval/known.js";
import { runCheck } from "../eval/check.js";
import { formatCheck } from "../eval/format.js";
import { checkToJson } from "../eval/check-json.js";
import { addKnownReport } from "../eval/known-add.js";
import { acceptReview } from "../review/run-accept.js";
import { formatAccept } from "../review/format.js";

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

Reviews (docs/review.md):
  --accept <review>     make a review file's verdicts (zhibiao report's Export) the expected records:
                        right → the record as shown, wrong → removed, corrected → with its fields,
                        added → a new record (rule_id "review"). The whole file is checked first (its
                        version, every line, every record still there and unchanged, the texts the
                        same); on any problem each is printed with its line and nothing is written
  --record <id>         with --accept: only this record (record_id, or start-end for an added
                        figure; repeatable)
  --doc <doc_id>        with --accept: only this report (repeatable); default: every report
  --dry-run             with --accept: show the changes, write nothing
  --add <text file>     add a report to the known reports (known.yaml, path kept relative to the
                        project root, the text never copied) and write its expected file from the
                        current rules; review it with zhibiao report, then --accept

Exit codes: 0 no difference (or --update, --accept, --add done); 1 some records differ, or bad usage/configuration;
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
      accept: { type: "string" },
      record: { type: "string", multiple: true },
      doc: { type: "string", multiple: true },
      "dry-run": { type: "boolean" },
      add: { type: "string", multiple: true },
    }, false);
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const knownFile = str(values.known) ?? DEFAULT_KNOWN_FILE;
    const accept = str(values.accept);
    const adds = strs(values.add);
    if (!accept && (strs(values.record).length || strs(values.doc).length || values["dry-run"])) throw new UsageError("--record, --doc and --dry-run go with --accept <review file>");
    if (accept && (adds.length || values.update)) throw new UsageError("--accept goes alone: not with --add or --update");
    const ruleOpts = { baseRulesDir: str(values["base-rules"]), rulesDirs: strs(values.rules) };
    if (adds.length) {
      const added = adds.map((f) => addKnownReport(knownFile, f));
      const reports = loadKnown(knownFile).filter((r) => added.some((a) => a.doc_id === r.doc_id));
      const result = await runCheck(reports, { ...ruleOpts, update: true });
      for (const r of result.reports) {
        if (r.error) process.stderr.write(`zhibiao check: ${r.error}\n`);
        else process.stdout.write(`added ${r.doc_id} (${r.text}) to ${knownFile}: ${r.actual_count} records → ${r.expected}\nreview them: zhibiao report ${r.text} --out review/, then zhibiao check --accept review/review.jsonl\n`);
      }
      return result.errors ? 2 : 0;
    }
    if (accept) {
      const dryRun = values["dry-run"] === true;
      const result = await acceptReview(accept, loadKnown(knownFile), { ...ruleOpts, records: strs(values.record), docs: strs(values.doc), dryRun });
      (result.problems.length ? process.stderr : process.stdout).write(formatAccept(result, dryRun));
      return result.problems.length ? 1 : 0;
    }
    const all = loadKnown(knownFile);
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
