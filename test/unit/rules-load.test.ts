import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEngine } from "../../src/pipeline/engine.js";
import { RuleLoadError, BUILTIN_RULES_DIR } from "../../src/rules/load.js";
import { checkPattern } from "../../src/rules/compile.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An extra rule folder holding one file. */
function ruleDir(body: string, name = "extra.yaml"): string {
  const d = mkdtempSync(join(tmpdir(), "zhibiao-rules-"));
  dirs.push(d);
  writeFileSync(join(d, name), body);
  return d;
}

const GOOD = `rules:
  - id: my-beds
    description: hospital beds per thousand people
    kind: quantity
    priority: 30
    pattern: '每千人口(?:拥有)?(?:医疗卫生机构)?床位(?:数)?(?:达到|为)?(?<m>(?<num>{NUM})(?<unit>张))'
    examples:
      - text: 每千人口床位数达到6.5张
        expect: { raw: 6.5张, kind: quantity, value: 6.5, unit: 张 }
    counterexamples:
      - 新增床位
`;

function problemsOf(dir: string) {
  try {
    createEngine({ rulesDirs: [dir] });
  } catch (e) {
    expect(e).toBeInstanceOf(RuleLoadError);
    return (e as RuleLoadError).problems;
  }
  throw new Error("rules loaded without error");
}

describe("rule files are validated at load", () => {
  it("a valid extra rule folder loads on top of the built-in rules", () => {
    const engine = createEngine({ rulesDirs: [ruleDir(GOOD)] });
    expect(engine.rules.rules.some((r) => r.spec.id === "my-beds")).toBe(true);
    expect(engine.rules.rules.some((r) => r.spec.id === "quantity-unit")).toBe(true);
  });

  it("malformed YAML names the file and line", () => {
    const [p] = problemsOf(ruleDir("rules:\n  - id: x\n    pattern: '(unclosed\n  bad: [\n"));
    expect(p.file).toMatch(/extra\.yaml$/);
    expect(p.line).toBeGreaterThan(0);
    expect(p.message).toMatch(/malformed YAML/);
  });

  it("unknown keys are rejected, with file, line and rule id", () => {
    const ps = problemsOf(ruleDir(GOOD.replace("    priority: 30\n", "    priority: 30\n    weight: 3\n")));
    expect(ps[0]).toMatchObject({ rule: "my-beds" });
    expect(ps[0].line).toBe(2);
    expect(ps[0].message).toMatch(/weight/);
  });

  it("a rule without a counterexample fails the schema", () => {
    const ps = problemsOf(ruleDir(GOOD.replace(/    counterexamples:\n      - 新增床位\n/, "    counterexamples: []\n")));
    expect(ps[0].rule).toBe("my-beds");
    expect(ps[0].message).toMatch(/counterexample/);
  });

  it("a broken regex, an unknown fragment, an unknown resolver, a duplicate id, a positional group", () => {
    expect(problemsOf(ruleDir(GOOD.replace("床位(?:数)?", "床位(?:数")))[0].message).toMatch(/does not compile|unnamed|Invalid/);
    expect(problemsOf(ruleDir(GOOD.replace("{NUM}", "{NUMBER}")))[0].message).toMatch(/unknown fragment \{NUMBER\}/);
    expect(problemsOf(ruleDir(GOOD.replace("    priority: 30\n", "    priority: 30\n    resolver: guess\n")))[0].message).toMatch(/unknown resolver 'guess'/);
    expect(problemsOf(ruleDir(GOOD.replace("my-beds", "quantity-unit")))[0].message).toMatch(/duplicate rule id/);
    expect(problemsOf(ruleDir(GOOD.replace("(?:达到|为)?", "(达到|为)?")))[0].message).toMatch(/unnamed capture group/);
  });

  it("a pattern that can backtrack catastrophically is rejected at load", () => {
    const ps = problemsOf(ruleDir(GOOD.replace("每千人口", "(?:每|千|人口+)+")));
    expect(ps[0].message).toMatch(/nested unbounded quantifier/);
    expect(checkPattern("(?:a+)+b")).toHaveLength(1);
    expect(checkPattern("(?:ab){0,3}(?:c|d)*")).toHaveLength(0);
  });

  it("an id that is not kebab-case, a kind that does not exist", () => {
    expect(problemsOf(ruleDir(GOOD.replace("my-beds", "My_Beds")))[0].message).toMatch(/kebab-case/);
    expect(problemsOf(ruleDir(GOOD.replace("kind: quantity", "kind: amount")))[0].message).toMatch(/kind/);
  });

  it("a changed built-in folder is used instead of the package's (for regression checks)", () => {
    const d = mkdtempSync(join(tmpdir(), "zhibiao-base-"));
    dirs.push(d);
    cpSync(BUILTIN_RULES_DIR, d, { recursive: true });
    const file = join(d, "quantity.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("id: quantity-unit", "id: quantity-any"));
    const engine = createEngine({ baseRulesDir: d });
    expect(engine.rules.rules.some((r) => r.spec.id === "quantity-any")).toBe(true);
  });
});
