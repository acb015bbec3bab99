import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ConfigError } from "../commands/args.js";
import { FragmentFileSchema, RuleFileSchema, type RuleSpec } from "./schema.js";
import { readYaml, formatProblem, type RuleProblem } from "./yaml-file.js";
import { emptyLexicon, mergeLexiconDir, type Lexicon } from "./lexicon.js";
import { checkPattern, compilePattern, expandFragments, lexiconFragments } from "./compile.js";
import { redosProblem } from "./redos.js";
import { loadCatalogue, type Catalogue } from "../name/catalogue.js";

/** A rule ready to run: its spec, the compiled RegExp, and where it was written. */
export interface CompiledRule {
  readonly spec: RuleSpec;
  readonly regex: RegExp;
  readonly file: string;
  readonly line: number | null;
}

export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  readonly lexicon: Lexicon;
  readonly fragments: Readonly<Record<string, string>>;
  readonly dirs: readonly string[];
  /** The indicator catalogue (`<dir>/indicators/*.yaml` of every folder). */
  readonly catalogue: Catalogue;
}

/** Thrown when rule or lexicon files are wrong; carries every problem, each with file, line and rule. */
export class RuleLoadError extends ConfigError {
  constructor(readonly problems: RuleProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the rules:\n${problems.map((p) => "  " + formatProblem(p)).join("\n")}`);
  }
}

export { BUILTIN_RULES_DIR } from "./builtin-dir.js";

/**
 * Loads, validates and compiles the rules of the built-in folder and any extra folders (in that order;
 * a later folder adds rules, lexicon entries and fragments, never silently replaces one).
 * `loadRuleSet(BUILTIN_RULES_DIR, ["my-rules"], new Set(["figure"]))`
 */
export function loadRuleSet(baseDir: string, extraDirs: readonly string[], resolvers: ReadonlySet<string>): RuleSet {
  const dirs = [baseDir, ...extraDirs];
  const problems: RuleProblem[] = [];
  const display = (f: string) => {
    const rel = relative(process.cwd(), f);
    return rel && !rel.startsWith("..") ? rel : f;
  };
  const lexicon = emptyLexicon();
  const fragments: Record<string, string> = {};
  const fragmentOrigin = new Map<string, string>();
  const specs: { spec: RuleSpec; file: string; line: number | null }[] = [];

  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push({ file: display(dir), line: null, rule: null, message: "rule folder not found" });
      continue;
    }
    problems.push(...mergeLexiconDir(lexicon, dir, display));
    const fragFile = join(dir, "fragments.yaml");
    if (existsSync(fragFile)) {
      const parsed = readYaml(fragFile, FragmentFileSchema, display(fragFile));
      problems.push(...parsed.problems);
      for (const [name, src] of Object.entries(parsed.value?.fragments ?? {})) {
        if (fragmentOrigin.has(name)) {
          problems.push({ file: display(fragFile), line: parsed.lineOf(["fragments", name]), rule: null, message: `fragment {${name}} is already defined in ${fragmentOrigin.get(name)}` });
          continue;
        }
        fragments[name] = src;
        fragmentOrigin.set(name, display(fragFile));
        // every fragment, by a ReDoS analyser (the built-in ones' verdicts are in the build's verdict file)
        const redos = redosProblem(src);
        if (redos) problems.push({ file: display(fragFile), line: parsed.lineOf(["fragments", name]), rule: null, message: `fragment {${name}}: ${redos}` });
      }
    }
    for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n) && n !== "fragments.yaml").sort()) {
      const file = join(dir, name);
      const parsed = readYaml(file, RuleFileSchema, display(file));
      problems.push(...parsed.problems);
      parsed.value?.rules.forEach((spec, i) => specs.push({ spec, file: display(file), line: parsed.lineOf(["rules", i]) }));
    }
  }

  const generated = lexiconFragments(lexicon);
  for (const name of Object.keys(generated)) {
    if (fragmentOrigin.has(name)) problems.push({ file: fragmentOrigin.get(name)!, line: null, rule: null, message: `fragment {${name}} is built from the lexicons and cannot be redefined` });
  }
  const allFragments = { ...fragments, ...generated };

  const seen = new Map<string, string>();
  const rules: CompiledRule[] = [];
  for (const { spec, file, line } of specs) {
    const at = (message: string) => problems.push({ file, line, rule: spec.id, message });
    if (seen.has(spec.id)) {
      at(`duplicate rule id (also in ${seen.get(spec.id)})`);
      continue;
    }
    seen.set(spec.id, `${file}${line ? `:${line}` : ""}`);
    if (!resolvers.has(spec.resolver)) at(`unknown resolver '${spec.resolver}' (known: ${[...resolvers].join(", ")})`);
    const { source, unknown } = expandFragments(spec.pattern, allFragments);
    if (unknown.length) {
      at(`pattern: unknown fragment ${unknown.map((u) => `{${u}}`).join(", ")}`);
      continue;
    }
    const structural = checkPattern(source);
    if (structural.length) {
      structural.forEach((p) => at(`pattern: ${p}`));
      continue;
    }
    // every rule, by a ReDoS analyser (the built-in ones' verdicts are in the build's verdict file)
    const redos = redosProblem(spec.pattern);
    if (redos) {
      at(`pattern: ${redos}`);
      continue;
    }
    const regex = compilePattern(source);
    if (typeof regex === "string") {
      at(regex);
      continue;
    }
    if (!/\(\?<m>/.test(source)) {
      at("pattern: needs a named group (?<m>…) that spans the mention");
      continue;
    }
    rules.push(Object.freeze({ spec: Object.freeze(spec), regex, file, line }));
  }
  const { catalogue, problems: catalogueProblems } = loadCatalogue(dirs.filter((d) => existsSync(d)), display);
  problems.push(...catalogueProblems);
  if (problems.length) throw new RuleLoadError(problems);
  rules.sort((a, b) => b.spec.priority - a.spec.priority || (a.spec.id < b.spec.id ? -1 : 1));
  return Object.freeze({ rules: Object.freeze(rules), lexicon, fragments: Object.freeze(allFragments), dirs, catalogue });
}
