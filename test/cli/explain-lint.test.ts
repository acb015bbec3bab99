import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, cpSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), ...args], { cwd: ROOT, encoding: "utf8" });

// dist/ is built by test/global-setup.ts before the test files run
beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/cli.js"))) throw new Error("dist/cli.js missing");
});

describe("zhibiao rules lint", () => {
  it("passes on the built-in rules and on the worked example of the README", () => {
    const r = cli("rules", "lint", "--rules", "examples/income-ratio");
    expect(r.stdout).toMatch(/0 failed/);
    expect(r.status).toBe(0);
  });

  it("prints each failing example with its file, line and rule, and exits 1", () => {
    const d = mkdtempSync(join(tmpdir(), "zhibiao-lint-"));
    cpSync(join(ROOT, "examples/income-ratio"), d, { recursive: true });
    const f = join(d, "income-ratio.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("value: 2.27,", "value: 2.72,"));
    const r = cli("rules", "lint", "--rules", d);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/income-ratio\.yaml:2: rule income-ratio: “城乡居民收入比从2\.50:1缩小至2\.27:1”/);
    // the record that came out, and the field that differs
    expect(r.stdout).toMatch(/rule income-ratio gave 2\.27:1 → rate 2\.27 :1 .*but value: expected 2\.72, got 2\.27/);
    expect(r.stdout).toMatch(/1 failed/);
  });

  it("a rule file error names file, line and rule, and nothing else runs", () => {
    const d = mkdtempSync(join(tmpdir(), "zhibiao-lint-"));
    writeFileSync(join(d, "bad.yaml"), "rules:\n  - id: bad-one\n    description: x\n    kind: quantity\n    priority: 1\n    pattern: '(?<m>{NOPE})'\n    examples: [{ text: a, expect: { raw: a } }]\n    counterexamples: [b]\n");
    const r = cli("rules", "lint", "--rules", d);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/bad\.yaml:2: rule bad-one: pattern: unknown fragment \{NOPE\}/);
  });

  it("extract refuses bad rules with exit 1 before reading any input", () => {
    const d = mkdtempSync(join(tmpdir(), "zhibiao-lint-"));
    writeFileSync(join(d, "bad.yaml"), "rules:\n  - id: x\n    unknown: 1\n");
    const out = mkdtempSync(join(tmpdir(), "zhibiao-out-"));
    const r = cli("extract", "seeds", "--rules", d, "--out", join(out, "o"), "--quiet");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:2: rule x:/);
  });
});

describe("zhibiao explain", () => {
  it("shows sentences, words with tags, matches with captures, refiner steps and records", () => {
    const r = cli("explain", "上半年完成税收收入 14869 万元，同比减少 36.2%，完成年度指标进度的 33.9%。");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/words: .*税收收入\/n/);
    expect(r.stdout).toMatch(/match change-percent .*dir=减少 .*m=36\.2%/);
    expect(r.stdout).toMatch(/drop-overlaps:/);
    expect(r.stdout).toMatch(/- dropped 36\.2% \[rate-percent\]/);
    expect(r.stdout).toMatch(/"36\.2%" change -36\.2 % exact {2}indicator: 税收收入/);
  });

  it("--file with --at narrows to one sentence; --json prints records", () => {
    const r = cli("explain", "--file", "seeds/000_a856141411780175.txt", "--at", "610", "--json");
    expect(r.status).toBe(0);
    const recs = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(recs.map((x) => x.raw)).toEqual(["2500 平方米", "78%", "11000 平方米", "63%"]);
  });

  it("bad usage exits 1", () => {
    expect(cli("explain").status).toBe(1);
    expect(cli("explain", "--file", "seeds/000_a856141411780175.txt", "--at", "-5").status).toBe(1);
  });
});
