import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, CLI, ROOT, zhibiao } from "./cli.js";

const SEED = readFileSync(join(ROOT, "seeds/000_a856141411780175.txt"), "utf8");
const TEXT_FILES = ["diagnostics.jsonl", "documents.csv", "documents.jsonl", "panel.csv", "panel.jsonl", "records.csv", "records.jsonl", "run.json", "statements.csv"];
let tmp: string;
let small: string;
let big: string;

/** `n` report variants (paragraphs rotated and trimmed). */
function corpus(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  const paras = SEED.split("\n");
  for (let i = 0; i < n; i++) {
    const text = [...paras.slice(i % 11), ...paras.slice(0, i % 11)].slice(0, paras.length - (i % 5)).join("\n");
    writeFileSync(join(dir, `r${String(i).padStart(4, "0")}.txt`), text);
  }
}

const snapshot = (dir: string) => new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));

beforeAll(() => {
  build();
  tmp = mkdtempSync(join(tmpdir(), "zhibiao-outdir-"));
  small = join(tmp, "small");
  corpus(small, 3);
  big = join(tmp, "big");
  corpus(big, 300);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("an existing --out folder (issue 9: never silently mixed)", () => {
  it("refuses a folder holding other files with exit 1, naming them, and writes nothing", async () => {
    const out = join(tmp, "mixed");
    mkdirSync(out);
    writeFileSync(join(out, "my-notes.txt"), "keep me");
    const r = await zhibiao(["extract", small, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--out .*mixed holds files zhibiao did not write \(my-notes\.txt\); .*--force/);
    expect(readdirSync(out)).toEqual(["my-notes.txt"]);
  });

  it("with --force writes its files there and leaves the others alone", async () => {
    const out = join(tmp, "forced");
    mkdirSync(out);
    writeFileSync(join(out, "my-notes.txt"), "keep me");
    const r = await zhibiao(["extract", small, "--out", out, "--force", "--quiet"]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["my-notes.txt", ...TEXT_FILES].sort());
    expect(readFileSync(join(out, "my-notes.txt"), "utf8")).toBe("keep me");
  });

  it("replaces an earlier run's outputs, removing its records.xlsx when this run writes none", async () => {
    const out = join(tmp, "rerun");
    expect((await zhibiao(["extract", small, "--out", out, "--format", "xlsx", "--quiet"])).code).toBe(0);
    expect(readdirSync(out)).toContain("records.xlsx");
    const first = snapshot(out);
    expect((await zhibiao(["extract", join(small, "r0000.txt"), "--out", out, "--quiet"])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(TEXT_FILES);
    expect(readFileSync(join(out, "documents.jsonl"), "utf8").trim().split("\n")).toHaveLength(1);
    expect(readFileSync(join(out, "records.jsonl")).equals(first.get("records.jsonl") as Buffer)).toBe(false);
  });

  it("a README or .gitkeep in the folder is not in the way (the project's own output/ keeps one)", async () => {
    const out = join(tmp, "noted");
    mkdirSync(out);
    writeFileSync(join(out, "README.md"), "# output");
    writeFileSync(join(out, ".gitkeep"), "");
    const r = await zhibiao(["extract", small, "--out", out, "--quiet"]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([".gitkeep", "README.md", ...TEXT_FILES].sort());
    expect(readFileSync(join(out, "README.md"), "utf8")).toBe("# output");
  });

  it("refuses an --out that is a file", async () => {
    const file = join(tmp, "a-file");
    writeFileSync(file, "x");
    const r = await zhibiao(["extract", small, "--out", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a folder/);
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  it("writes byte-identical xlsx at --jobs 1 and --jobs 2", async () => {
    const a = join(tmp, "xlsx-j1");
    const b = join(tmp, "xlsx-j2");
    expect((await zhibiao(["extract", small, "--out", a, "--format", "xlsx", "--jobs", "1", "--quiet"])).code).toBe(0);
    expect((await zhibiao(["extract", small, "--out", b, "--format", "xlsx", "--jobs", "2", "--quiet"])).code).toBe(0);
    for (const f of [...TEXT_FILES, "records.xlsx"]) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  });
});

/**
 * Starts `extract` over the big corpus into `out`, with the worker hanging on a late document so the
 * run is surely mid-way; resolves once the temporary records.jsonl holds records, then sends `signal`.
 */
function interrupt(out: string, signal: NodeJS.Signals, extra: string[] = []): Promise<{ code: number | null; how: string; stderr: string; seen: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "extract", big, "--out", out, "--jobs", "2", ...extra], {
      cwd: ROOT,
      env: { ...process.env, ZHIBIAO_FAULT: "hang:r0250" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let seen: string[] = [];
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    // `how` says it all when a test fails: "exit 130", or "signal SIGABRT" with what the process printed
    child.on("close", (code, sig) => resolve({ code, how: `${code === null ? `signal ${sig}` : `exit ${code}`}: ${stderr}`, stderr, seen }));
    const poll = setInterval(() => {
      const names = existsSync(out) ? readdirSync(out) : [];
      const tmpRecords = names.find((f) => /^\.records\.jsonl\.\d+(\.[0-9a-f]{12})?\.tmp$/.test(f));
      if (tmpRecords && statSync(join(out, tmpRecords)).size > 0) {
        clearInterval(poll);
        seen = names;
        child.kill(signal);
      }
    }, 20);
    child.on("close", () => clearInterval(poll));
  });
}

describe("an interrupted run (issue 9: nothing lost, nothing torn)", () => {
  it.each([
    ["SIGINT", 130, []],
    ["SIGTERM", 143, []],
    ["SIGINT", 130, ["--format", "xlsx"]],
  ] as const)("%s → exit %d, a message, temporaries removed, previous outputs byte-identical (%j)", async (signal, code, extra) => {
    const out = join(tmp, `interrupted-${signal}-${extra.length}`);
    expect((await zhibiao(["extract", small, "--out", out, "--format", "xlsx", "--quiet"])).code).toBe(0);
    const before = snapshot(out);
    const r = await interrupt(out, signal, [...extra]);
    expect(r.seen.some((f) => f.endsWith(".tmp"))).toBe(true);
    expect(r.code, r.how).toBe(code);
    expect(r.stderr).toMatch(new RegExp(`zhibiao: interrupted \\(${signal}\\); nothing written to .*; its previous files are as they were`));
    expect(readdirSync(out).sort()).toEqual([...before.keys()].sort());
    for (const [f, bytes] of before) expect(readFileSync(join(out, f)).equals(bytes), f).toBe(true);
  }, 120_000);

  it("leaves no folder behind when the run created it", async () => {
    const out = join(tmp, "interrupted-new");
    const r = await interrupt(out, "SIGINT");
    expect(r.code, r.how).toBe(130);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
