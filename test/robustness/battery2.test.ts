/**
 * Issue 16, the second robustness battery: each case as the review ran it (at the smallest size that
 * shows the old failure), ending with the good inputs written whole, the bad one named, a non-zero
 * exit where anything failed, and nothing written outside --out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { build, CLI, ROOT, zhibiao } from "../batch/cli.js";
import { documentText, OutputTooLargeError, textPart } from "../../src/export/dataset-format.js";
import { redosProblem } from "../../src/rules/redos.js";
import { openExclusive } from "../../src/io/temp.js";
import { htmlToText } from "../../src/io/html.js";
import { decodeText } from "../../src/io/encoding.js";
import { escapeControls } from "../../src/batch/progress.js";
import { recordsFromJsonl } from "../../src/export/report-records.js";
import { resolveColumns } from "../../src/export/columns.js";
import type { MetricRecord } from "../../src/model/record.js";

const SEED = readFileSync(join(ROOT, "seeds/000_a856141411780175.txt"), "utf8");
const DENSE = "税收收入14869万元城镇新增就业1200万人";
let tmp: string;
let outside: string;

const readJsonl = (path: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** A folder with one good report and whatever else is asked; returns its path. */
function inputs(name: string, files: Record<string, string | Buffer> = {}): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "good.txt"), SEED);
  for (const [f, body] of Object.entries(files)) writeFileSync(join(dir, f), body);
  return dir;
}

/** The good input is written whole: its records are all there and its document line is ok. */
async function goodRecords(): Promise<number> {
  const r = await zhibiao(["extract", "-", "--out", "-", "--quiet"], { input: SEED });
  return r.stdout.split("\n").filter(Boolean).length;
}
let GOOD = 0;

beforeAll(async () => {
  build();
  tmp = mkdtempSync(join(tmpdir(), "zhibiao-battery2-"));
  outside = join(tmp, "outside.txt");
  writeFileSync(outside, "precious\n");
  GOOD = await goodRecords();
  expect(GOOD).toBeGreaterThan(50);
});
afterAll(() => {
  expect(readFileSync(outside, "utf8")).toBe("precious\n");
  rmSync(tmp, { recursive: true, force: true });
});

function expectGoodWritten(out: string): void {
  const docs = readJsonl(join(out, "documents.jsonl"));
  const good = docs.find((d) => d.doc_id === "good");
  expect(good).toMatchObject({ status: "ok", record_count: GOOD });
  expect(readJsonl(join(out, "records.jsonl")).filter((r) => r.doc_id === "good")).toHaveLength(GOOD);
}

describe("1. no silent corruption: a document's output is packed in buffers of bounded size, each write checked", () => {
  it("formats in chunks whose bytes are all written (no NULs), and refuses output over the limit", () => {
    const rec = { doc_id: "d", record_id: "d:0-1", start: 0, end: 1, raw: "5万元", kind: "quantity", value: 50000, sentence: "税收收入5万元" } as unknown as MetricRecord;
    const records = Array.from({ length: 2500 }, (_, i) => ({ ...rec, record_id: `d:${i}`, start: i, end: i + 1 }));
    const t = documentText("d", records, null, [], resolveColumns(["doc_id", "record_id", "raw", "sentence"]));
    const jsonl = textPart(t, "records.jsonl");
    expect(jsonl.length).toBe(3);
    for (const b of jsonl) {
      expect(b.byteOffset).toBe(0);
      expect(b.buffer.byteLength).toBe(b.byteLength);
      expect(b.includes(0)).toBe(false);
    }
    expect(Buffer.concat(jsonl).toString("utf8").split("\n").filter(Boolean)).toHaveLength(2500);
    expect(() => documentText("d", records, null, [], resolveColumns(), [], 100_000)).toThrow(OutputTooLargeError);
  });

  it("a figure-dense line without punctuation whose output is over the limit is an error for it alone (exit 2), never NUL bytes", async () => {
    const dir = inputs("dense", { "dense.txt": DENSE.repeat(2000) });
    const out = join(tmp, "out-dense");
    const r = await zhibiao(["extract", dir, "--out", out, "--jobs", "1", "--quiet"], { env: { ZHIBIAO_MAX_OUTPUT_BYTES: String(4 * 2 ** 20) } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dense\.txt: the formatted output of this document is over 4 MB/);
    expectGoodWritten(out);
    expect(readJsonl(join(out, "documents.jsonl")).find((d) => d.doc_id === "dense")).toMatchObject({ status: "error" });
    expect(readJsonl(join(out, "diagnostics.jsonl"))).toContainEqual(expect.objectContaining({ code: "output-too-large" }));
    for (const f of ["records.jsonl", "records.csv", "statements.csv", "documents.jsonl"]) expect(readFileSync(join(out, f)).includes(0), f).toBe(false);
  }, 120_000);
});

describe("2. hangs: a ReDoS analyser at rule load, a hard time limit per document, a linear HTML reader", () => {
  const rule = (pattern: string) => `rules:
  - id: evil
    description: backtracks
    kind: quantity
    priority: 1
    pattern: '${pattern}'
    examples:
      - text: 12x
        expect: { raw: 12x }
    counterexamples: [没有]
`;

  it.each(["(?:a|a)*b", "(?:\\d|\\d\\d)+x", "(?:\\d+){25}x"])("recheck refuses %s", (p) => {
    expect(redosProblem(p)).toMatch(/backtrack catastrophically/);
  });

  it("passes every built-in rule and fragment", async () => {
    const { parse } = await import("yaml");
    for (const f of readdirSync(join(ROOT, "rules")).filter((n) => n.endsWith(".yaml"))) {
      const y = parse(readFileSync(join(ROOT, "rules", f), "utf8")) as { fragments?: Record<string, string>; rules?: { id: string; pattern: string }[] };
      for (const [name, src] of Object.entries(y.fragments ?? {})) expect(redosProblem(src), name).toBeNull();
      for (const r of y.rules ?? []) expect(redosProblem(r.pattern), r.id).toBeNull();
    }
  }, 60_000);

  it("a backtracking user rule exits 1 naming file, line and rule, before reading any input (stdin left open)", async () => {
    const rules = join(tmp, "evil-rules");
    mkdirSync(rules, { recursive: true });
    writeFileSync(join(rules, "evil.yaml"), rule("(?<m>(?:\\d|\\d\\d)+x)"));
    const out = join(tmp, "out-evil");
    const child = spawn(process.execPath, [CLI, "extract", "-", "--rules", rules, "--out", out], { cwd: ROOT });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => {
      const t = setTimeout(() => {
        child.kill("SIGKILL");
        resolve(-1);
      }, 30_000);
      child.on("close", (c) => {
        clearTimeout(t);
        resolve(c);
      });
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/evil\.yaml:\d+: rule evil: pattern: can backtrack catastrophically/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("a document past the hard time limit is ended with its worker, an error (exit 2); the batch goes on", async () => {
    const dir = inputs("hang", { "stuck.txt": SEED });
    const out = join(tmp, "out-hang");
    const r = await zhibiao(["extract", dir, "--out", out, "--jobs", "1", "--quiet"], { env: { ZHIBIAO_FAULT: "hang:stuck", ZHIBIAO_TIME_LIMIT: "2" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stuck\.txt: not done after 2 s/);
    expectGoodWritten(out);
    expect(readJsonl(join(out, "documents.jsonl")).find((d) => d.doc_id === "stuck")).toMatchObject({ status: "error" });
    expect(readJsonl(join(out, "diagnostics.jsonl"))).toContainEqual(expect.objectContaining({ code: "time-limit" }));
  }, 120_000);

  it("reads HTML ending in `<a` repeated without `>` in linear time (100 KB was 17 s)", async () => {
    const t0 = Date.now();
    expect(htmlToText("<html><body><p>增长5%</p>" + "<a".repeat(500_000))).toBe("增长5%");
    expect(Date.now() - t0).toBeLessThan(2000);
    const dir = inputs("html", { "bad.html": "<html><body><p>地区生产总值增长5%</p>" + "<a".repeat(50_000) });
    const out = join(tmp, "out-html");
    const r = await zhibiao(["extract", dir, "--out", out, "--quiet"]);
    expect(r.code).toBe(0);
    expectGoodWritten(out);
  }, 60_000);
});

describe("4/5. no write outside --out; no mixed or half-replaced output", () => {
  it("creates temporaries exclusively: never through a symlink planted at the name", () => {
    const link = join(tmp, ".planted.tmp");
    symlinkSync(outside, link);
    expect(() => openExclusive(link)).toThrow(/EEXIST/);
    expect(readFileSync(outside, "utf8")).toBe("precious\n");
  });

  it("extract --force and report replace a symlinked output by a file of their own, leaving its target alone", async () => {
    const dir = inputs("links");
    const out = join(tmp, "out-links");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine");
    for (const f of ["records.csv", "records.jsonl", "report.html"]) symlinkSync(outside, join(out, f));
    // temporaries named the old, predictable way, planted for this and the next pids
    for (let pid = 1; pid < 200; pid++) symlinkSync(outside, join(out, `.records.csv.${pid}.tmp`));
    const r = await zhibiao(["extract", dir, "--out", out, "--force", "--quiet"]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(out, "records.csv")).isSymbolicLink()).toBe(false);
    const rep = await zhibiao(["report", join(dir, "good.txt"), "--out", out, "--quiet"]);
    expect(rep.code).toBe(0);
    expect(lstatSync(join(out, "report.html")).isSymbolicLink()).toBe(false);
    expect(readFileSync(outside, "utf8")).toBe("precious\n");
  }, 120_000);

  it("a second run into a folder being written exits 1 naming the holder; a stale lock is taken over", async () => {
    const dir = inputs("lock");
    const out = join(tmp, "out-lock");
    mkdirSync(out);
    const holder = spawn("sleep", ["30"]);
    try {
      writeFileSync(join(out, ".zhibiao.lock"), `${holder.pid}\n`);
      const r = await zhibiao(["extract", dir, "--out", out, "--quiet"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`being written by another zhibiao run \\(pid ${holder.pid}`));
      expect(existsSync(join(out, "records.jsonl"))).toBe(false);
    } finally {
      holder.kill();
    }
    writeFileSync(join(out, ".zhibiao.lock"), "999999999\n");
    const r = await zhibiao(["extract", dir, "--out", out, "--quiet"]);
    expect(r.code).toBe(0);
    expectGoodWritten(out);
    expect(existsSync(join(out, ".zhibiao.lock"))).toBe(false);
  }, 120_000);

  it("with --force and a folder named documents.jsonl in --out, exits 1 before replacing anything", async () => {
    const dir = inputs("target");
    const out = join(tmp, "out-target");
    mkdirSync(join(out, "documents.jsonl"), { recursive: true });
    writeFileSync(join(out, "records.jsonl"), "previous\n");
    const r = await zhibiao(["extract", dir, "--out", out, "--force", "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/documents\.jsonl there is a folder/);
    expect(readFileSync(join(out, "records.jsonl"), "utf8")).toBe("previous\n");
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);
});

describe("6. rules checked before inputs; empty forms and YAML alias bombs refused with file and line", () => {
  it("refuses a unit form \"\"", async () => {
    const rules = join(tmp, "empty-form");
    mkdirSync(join(rules, "lexicon"), { recursive: true });
    writeFileSync(join(rules, "lexicon", "units.yaml"), 'units:\n  - unit: 个\n    dimension: count\n    forms: [""]\n');
    const r = await zhibiao(["extract", "-", "--rules", rules, "--out", join(tmp, "out-empty-form")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/units\.yaml:\d+: .*empty form/);
  }, 60_000);

  it("refuses a YAML alias bomb naming file and line", async () => {
    const rules = join(tmp, "bomb");
    mkdirSync(rules, { recursive: true });
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) lines.push(`${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(10).fill(`*${"abcdefghij"[i - 1]}`).join(", ")}]`);
    lines.push("fragments: {}");
    writeFileSync(join(rules, "fragments.yaml"), lines.join("\n") + "\n");
    const r = await zhibiao(["extract", "-", "--rules", rules, "--out", join(tmp, "out-bomb")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fragments\.yaml:2: refused: .*alias/i);
  }, 60_000);
});

describe("7. encodings", () => {
  it("a short GBK text that is also valid UTF-8 is read as GB18030, with a warning", async () => {
    expect(decodeText(iconv.encode("农业为5%", "gbk"))).toMatchObject({ text: "农业为5%", encoding: "gb18030 (also valid UTF-8)" });
    expect(decodeText(Buffer.from("农业增长5%"))).toMatchObject({ encoding: "utf-8" });
    expect(decodeText(Buffer.from("café 5%"))).toMatchObject({ encoding: "utf-8" });
    const dir = inputs("gbk", { "short.txt": iconv.encode("农业为5%", "gbk") });
    const out = join(tmp, "out-gbk");
    const r = await zhibiao(["extract", dir, "--out", out, "--quiet"]);
    expect(r.code).toBe(0);
    expect(readJsonl(join(out, "documents.jsonl")).find((d) => d.doc_id === "short")).toMatchObject({ encoding: "gb18030 (also valid UTF-8)" });
    expect(readJsonl(join(out, "diagnostics.jsonl"))).toContainEqual(expect.objectContaining({ code: "ambiguous-encoding", doc_id: "short" }));
    expectGoodWritten(out);
  }, 60_000);

  it("an HTML page declaring charset=utf-16 over UTF-8 bytes is read as UTF-8 (WHATWG)", async () => {
    const html = `<html><head><meta charset="utf-16"></head><body>${SEED.split("\n").map((p) => `<p>${p}</p>`).join("")}</body></html>`;
    const dir = inputs("utf16meta", { "page.html": html });
    const out = join(tmp, "out-utf16meta");
    const r = await zhibiao(["extract", dir, "--out", out, "--quiet"]);
    expect(r.code).toBe(0);
    expect(readJsonl(join(out, "documents.jsonl")).find((d) => d.doc_id === "page")).toMatchObject({ status: "ok", encoding: "utf-8", record_count: GOOD });
  }, 60_000);
});

describe("8. an unwritable --out is refused before extraction", () => {
  it("exits 1 naming the problem, having read nothing", async () => {
    const parent = join(tmp, "ro");
    mkdirSync(parent);
    chmodSync(tmp, 0o755);
    chmodSync(parent, 0o555);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = await zhibiao(["extract", join(ROOT, "seeds/000_a856141411780175.txt"), "--out", join(parent, "out"), "--quiet"], asNobody);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write there \(permission denied/);
  }, 60_000);
});

describe("9. edges", () => {
  it("report --records refuses a kind that is no kind (\"constructor\") instead of crashing", async () => {
    const { records, problems } = recordsFromJsonl('{"start":0,"end":2,"kind":"constructor","value":1}\n{"start":0,"end":2,"kind":"quantity","value":1}', "a");
    expect(records).toHaveLength(1);
    expect(problems[0]).toMatch(/unknown kind "constructor"/);
    const dir = inputs("report");
    writeFileSync(join(dir, "good.records.jsonl"), '{"start":0,"end":2,"kind":"constructor","value":1}\n');
    const r = await zhibiao(["report", join(dir, "good.txt"), "--records", join(dir, "good.records.jsonl"), "--out", join(tmp, "out-report"), "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/unknown kind/);
  }, 60_000);

  it("extract() with a text that is not a string is a clear TypeError", async () => {
    const { extract } = await import("../../src/index.js");
    expect(() => extract(42 as unknown as string)).toThrow(/text must be a string, not number/);
  });

  it("a path with a newline stays on one stderr line", async () => {
    expect(escapeControls("a\nb\u001b[31m.txt")).toBe("a\\nb\\u001b[31m.txt");
    const dir = inputs("newline", { "bad\nname.txt": "" });
    const r = await zhibiao(["extract", dir, "--out", join(tmp, "out-newline"), "--quiet"]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/bad\\nname\.txt: empty file/);
  }, 60_000);
});
