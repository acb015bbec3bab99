import type { Command } from "./types.js";
import { parse, strs, UsageError } from "./args.js";
import { createEngine } from "../pipeline/engine.js";
import { runRuleExamples, exampleProblems } from "../rules/examples.js";
import { formatProblem } from "../rules/yaml-file.js";
import { RuleLoadError } from "../rules/load.js";
import { runCatalogueExamples } from "../name/examples.js";

const HELP = `Usage: zhibiao rules lint [--rules <dir>]...

Validates every rule and lexicon file (the built-in ones and each --rules folder) against the rule
schema, compiles every pattern, then runs every example and counterexample of every rule through the
whole pipeline, and every example and counterexample of every entry of the indicator catalogue
(rules/indicators/*.yaml: a figure of the sentence must, or must not, get the code). Each failure is
printed with its file, line and rule id or indicator code.

Options:
  --rules <dir>   an extra rule folder, validated and run on top of the built-in rules (repeatable)
  -h, --help      this help

Exit codes: 0 all rules valid and every example passes; 1 any failure.
`;

export const rulesCommand: Command = {
  summary: "rules lint: validate rule files and run their examples",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, { rules: { type: "string", multiple: true } });
    if (positionals[0] !== "lint" || positionals.length > 1) throw new UsageError("expected 'zhibiao rules lint'");
    let engine;
    try {
      engine = createEngine({ rulesDirs: strs(values.rules) });
    } catch (e) {
      if (e instanceof RuleLoadError) {
        for (const p of e.problems) process.stdout.write(`${formatProblem(p)}\n`);
        process.stdout.write(`\n${e.problems.length} problem(s) in the rule files\n`);
        return 1;
      }
      throw e;
    }
    const results = [...runRuleExamples(engine), ...runCatalogueExamples(engine)];
    const failures = exampleProblems(results);
    for (const p of failures) process.stdout.write(`${formatProblem(p)}\n`);
    const rules = engine.rules.rules.length;
    const codes = engine.rules.catalogue.byCode.size;
    process.stdout.write(`${failures.length ? "\n" : ""}${rules} rules, ${codes} indicators, ${results.length} examples and counterexamples: ${results.length - failures.length} passed, ${failures.length} failed\n`);
    return failures.length ? 1 : 0;
  },
};
