import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, SHARED, build, node, tempDir } from "./helpers.js";

const SCRIPT = join(ROOT, "scripts", "score.mjs");
const TEXTS = [join(SHARED, "seeds"), join(SHARED, "corpus")];

describe("npm run score (the quality gate)", () => {
  beforeAll(build);
  const tmp = tempDir("gate");
  afterAll(tmp.cleanup);
  const floors = (name: string, body: object) => {
    const f = join(tmp.dir, `${name}.json`);
    writeFileSync(f, JSON.stringify(body));
    return f;
  };

  it("prints score.mjs's own table over the extracted shared reports", () => {
    const keep = join(tmp.dir, "kept");
    const r = node([SCRIPT, "--keep", keep]);
    expect(r.code, r.stderr).toBe(0);
    const official = node([join(SHARED, "eval", "score.mjs"), "--gold", join(SHARED, "gold"), ...TEXTS.flatMap((t) => ["--text", t]), "--pred", join(keep, "records.jsonl")]);
    expect(official.stdout).not.toBe("");
    expect(r.stdout.startsWith(official.stdout), r.stdout).toBe(true);
    expect(readFileSync(join(keep, "records.jsonl"), "utf8")).toContain('"doc_id":"national_2015"');
    // then the headline panel: panel-score.mjs's own table over the extracted panel.jsonl (and the join, when built)
    const joined = join(keep, "joined");
    const gold = join(SHARED, "gold", "panel");
    const extra = existsSync(join(joined, "attainment.jsonl"))
      ? ["--attainment", join(joined, "attainment.jsonl"), "--levels", join(joined, "levels.jsonl"), "--parents", join(gold, "parents.json")]
      : [];
    const panel = node([join(SHARED, "eval", "panel-score.mjs"), "--gold", gold, "--pred", join(keep, "panel.jsonl"), ...extra]);
    expect(panel.code, panel.stderr).toBe(0);
    expect(r.stdout.slice(official.stdout.length)).toBe(`\n-- headline panel against ${relative(ROOT, gold)}\n${panel.stdout}`);
  });

  it("--gate exits 1 naming each figure under its floor", () => {
    const f = floors("fail", { TOTAL: { offsets: 0 }, district_hailar_2016: { F1: 0 }, ghost_report: { strictF1: 0.5 } });
    const r = node([SCRIPT, "--gate", "--floors", f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("quality gate FAILED: 1 figure under the floors of");
    expect(r.stderr).toContain("ghost_report strictF1 n/a (no figure) < floor 0.500");
  });

  it("--gate passes when every figure reaches its floor", () => {
    const f = floors("pass", { TOTAL: { F1: 0, strictF1: 0 }, "000_a856141411780175": { offsets: 0 } });
    const r = node([SCRIPT, "--gate", "--floors", f]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("quality gate passed");
  });

  it("refuses an unknown argument and an invalid floors file", () => {
    expect(node([SCRIPT, "--gat"]).code).toBe(1);
    const r = node([SCRIPT, "--gate", "--floors", floors("bad", { TOTAL: { F1: 93 } })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("TOTAL.F1");
  });
});
