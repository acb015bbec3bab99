import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { build, ROOT, zhibiao } from "./cli.js";
import { DatasetWriter } from "../../src/export/dataset.js";
import type { MetricRecord } from "../../src/model/record.js";
import type { DocumentRecord } from "../../src/model/document.js";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import type { PanelRow } from "../../src/model/panel.js";

const SEED = readFileSync(join(ROOT, "seeds/000_a856141411780175.txt"), "utf8");
const fixture = (name: string) => join(ROOT, "test/fixtures/io", name);
let tmp: string;

const readJsonl = (path: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** A folder of report variants in every encoding and format. */
function makeCorpus(dir: string, n: number): void {
  mkdirSync(join(dir, "sub"), { recursive: true });
  const paras = SEED.split("\n");
  for (let i = 0; i < n; i++) {
    const text = paras.slice(i % 7, paras.length - (i % 5)).join("\n");
    if (i % 4 === 0) writeFileSync(join(dir, `r${String(i).padStart(3, "0")}.txt`), text);
    if (i % 4 === 1) writeFileSync(join(dir, "sub", `r${String(i).padStart(3, "0")}.txt`), iconv.encode(text, "gb18030"));
    if (i % 4 === 2) writeFileSync(join(dir, `r${String(i).padStart(3, "0")}.txt`), iconv.encode(text, "utf-16le", { addBOM: true }));
    if (i % 4 === 3) writeFileSync(join(dir, "sub", `r${String(i).padStart(3, "0")}.html`), `<html><body>${text.split("\n").map((p) => `<p>${p}</p>`).join("")}</body></html>`);
  }
  copyFileSync(fixture("report.docx"), join(dir, "zz.docx"));
  copyFileSync(fixture("report.pdf"), join(dir, "zz.pdf"));
}

const OUTPUTS = ["records.csv", "records.jsonl", "statements.csv", "documents.jsonl", "diagnostics.jsonl", "panel.jsonl", "panel.csv"];

beforeAll(() => {
  build();
  tmp = mkdtempSync(join(tmpdir(), "zhibiao-batch-"));
  makeCorpus(join(tmp, "corpus"), 24);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("zhibiao extract over a batch", () => {
  it("reads every format and encoding, recording reader and encoding, in input order", async () => {
    const out = join(tmp, "out-formats");
    const r = await zhibiao(["extract", join(tmp, "corpus"), "--out", out, "--jobs", "2", "--quiet"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const docs = readJsonl(join(out, "documents.jsonl"));
    expect(docs).toHaveLength(26);
    expect(docs.every((d) => d.status === "ok")).toBe(true);
    const byId = new Map(docs.map((d) => [d.doc_id, d]));
    expect(byId.get("r000")).toMatchObject({ reader: "txt", encoding: "utf-8" });
    // doc_id: the path under the folder named, without extension
    expect(byId.get("sub/r001")).toMatchObject({ reader: "txt", encoding: "gb18030" });
    expect(byId.get("r002")).toMatchObject({ reader: "txt", encoding: "utf-16le" });
    expect(byId.get("sub/r003")).toMatchObject({ reader: "html", encoding: "utf-8" });
    // zz.docx and zz.pdf would share "zz": each takes 8 hex digits of its own path's hash
    const zz = docs.filter((d) => String(d.doc_id).startsWith("zz~"));
    expect(zz.map((d) => d.reader).sort()).toEqual(["docx", "pdf"]);
    for (const d of zz) expect(d.doc_id).toMatch(/^zz~[0-9a-f]{8}$/);
    expect(docs.map((d) => d.path)).toEqual([...docs.map((d) => d.path as string)].sort());
  });

  it("writes byte-identical outputs at --jobs 1 and --jobs 2", async () => {
    const a = join(tmp, "out-j1");
    const b = join(tmp, "out-j2");
    const [ra, rb] = [await zhibiao(["extract", join(tmp, "corpus"), "--out", a, "--jobs", "1", "--quiet"]), await zhibiao(["extract", join(tmp, "corpus"), "--out", b, "--jobs", "2", "--quiet"])];
    expect([ra.code, rb.code]).toEqual([0, 0]);
    for (const f of OUTPUTS) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it.each([[[] as string[]], [["--columns", "doc_id,数值,unit,sentence", "--header", "zh", "--format", "xlsx"]]])(
    "writes what the workers formatted byte for byte as the writer's record path would %j",
    async (flags) => {
      const out = join(tmp, `out-text-${flags.length}`);
      const r = await zhibiao(["extract", join(tmp, "corpus"), "--out", out, "--jobs", "2", "--quiet", ...flags]);
      expect(r.code).toBe(0);
      // zz.docx and zz.pdf: a duplicate-doc-id diagnostic added by the main thread, before the worker's own.
      expect(readJsonl(join(out, "diagnostics.jsonl")).map((d) => d.code)).toContain("duplicate-doc-id");
      const panel = readJsonl(join(out, "panel.jsonl")) as unknown as PanelRow[];
      expect(panel.length).toBeGreaterThan(0);
      const ref = join(tmp, `ref-text-${flags.length}`);
      const opt = (name: string) => (flags.includes(name) ? flags[flags.indexOf(name) + 1] : undefined);
      const columns = opt("--columns")?.split(",");
      // the record path: everything as objects, in one add
      const w = await DatasetWriter.open(ref, { columns, header: opt("--header") as "zh" | undefined, formats: flags.includes("xlsx") ? ["xlsx"] : [], force: true });
      w.add({
        records: readJsonl(join(out, "records.jsonl")) as unknown as MetricRecord[],
        documents: readJsonl(join(out, "documents.jsonl")) as unknown as DocumentRecord[],
        diagnostics: readJsonl(join(out, "diagnostics.jsonl")) as unknown as Diagnostic[],
        panel,
      });
      await w.close();
      for (const f of [...OUTPUTS, ...(flags.includes("xlsx") ? ["records.xlsx"] : [])]) expect(readFileSync(join(out, f)).equals(readFileSync(join(ref, f))), f).toBe(true);
    },
  );

  it("reads one text from stdin with -", async () => {
    const out = join(tmp, "out-stdin");
    const r = await zhibiao(["extract", "-", "--out", out, "--quiet"], { input: iconv.encode(SEED, "gb18030") });
    expect(r.code).toBe(0);
    expect(readJsonl(join(out, "documents.jsonl"))).toMatchObject([{ doc_id: "stdin", path: "-", reader: "txt", encoding: "gb18030", chars: SEED.length }]);
  });

  it("streams records as JSONL to stdout with --out -, the same records as records.jsonl", async () => {
    const r = await zhibiao(["extract", join(tmp, "corpus"), "--format", "jsonl", "--out", "-", "--jobs", "2", "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(tmp, "out-j1", "records.jsonl"), "utf8"));
    expect(r.stderr).toBe("");
  });

  it("streams only the --columns asked for, in their order", async () => {
    const r = await zhibiao(["extract", join(tmp, "corpus"), "--out", "-", "--columns", "value,doc_id", "--quiet"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n").filter(Boolean);
    expect(lines.length).toBe(readFileSync(join(tmp, "out-j1", "records.jsonl"), "utf8").split("\n").filter(Boolean).length);
    for (const l of lines) expect(Object.keys(JSON.parse(l) as object)).toEqual(["value", "doc_id"]);
  });

  it("passes --format, --columns and --header through to the dataset writer", async () => {
    const out = join(tmp, "out-xlsx");
    const r = await zhibiao(["extract", join(tmp, "corpus"), "--out", out, "--format", "xlsx", "--columns", "doc_id,value", "--header", "en", "--quiet"]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toContain("records.xlsx");
    expect(readFileSync(join(out, "records.csv"), "utf8").split("\r\n")[0]).toBe("\uFEFFdoc_id,value");
  });

  it("stops with exit 1 and writes nothing when a rule folder is bad", async () => {
    const rules = join(tmp, "bad-rules");
    mkdirSync(rules, { recursive: true });
    writeFileSync(join(rules, "bad.yaml"), "rules:\n  - id: broken\n    pattern: \"((\"\n");
    const out = join(tmp, "out-bad-rules");
    const r = await zhibiao(["extract", join(tmp, "corpus"), "--out", out, "--rules", rules]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml/);
    expect(() => readdirSync(out)).toThrow();
  });

  it("refuses --out - with a format other than jsonl, and bad flags, with exit 1", async () => {
    expect((await zhibiao(["extract", join(tmp, "corpus"), "--format", "csv,xlsx", "--out", "-"])).code).toBe(1);
    expect((await zhibiao(["extract", join(tmp, "corpus"), "--out", join(tmp, "x"), "--jobs", "0"])).code).toBe(1);
    expect((await zhibiao(["extract", join(tmp, "corpus"), "--out", join(tmp, "x"), "--max-bytes", "lots"])).code).toBe(1);
    const cols = await zhibiao(["extract", join(tmp, "corpus"), "--out", join(tmp, "x"), "--columns", "doc_id,nonsense"]);
    expect(cols.code).toBe(1);
    expect(cols.stderr).toMatch(/nonsense/);
  });
});

describe("bad inputs (issue 9): a line on stderr, a diagnostic, an error document, exit 2, the rest intact", () => {
  const cases: [string, string, RegExp][] = [];
  let out: string;
  let run: { code: number | null; stderr: string };

  beforeAll(async () => {
    const dir = join(tmp, "bad");
    mkdirSync(join(dir, "folder"), { recursive: true });
    writeFileSync(join(dir, "a-good.txt"), SEED);
    const add = (name: string, code: string, msg: RegExp, make: (p: string) => void) => {
      make(join(dir, name));
      cases.push([name, code, msg]);
    };
    add("empty.txt", "empty-input", /empty file/, (p) => writeFileSync(p, ""));
    add("image.txt", "binary-file", /binary file \(PNG image\)/, (p) => writeFileSync(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])));
    add("latin.txt", "undecodable", /cannot decode/, (p) => writeFileSync(p, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i % 2 ? 0xff : 0x61)))));
    add("corrupt.docx", "corrupt-docx", /corrupt \.docx/, (p) => writeFileSync(p, readFileSync(fixture("report.docx")).subarray(0, 200)));
    add("corrupt.pdf", "corrupt-pdf", /corrupt PDF/, (p) => writeFileSync(p, "%PDF-1.7\n% truncated in transit"));
    add("scan.pdf", "no-text-layer", /no text layer \(scanned PDF\?\)/, (p) => copyFileSync(fixture("scanned.pdf"), p));
    add("folder/pipe.txt", "not-a-file", /not a regular file \(FIFO\)/, (p) => execFileSync("mkfifo", [p]));
    add("folder/loop", "symlink-loop", /symlink loop/, (p) => symlinkSync("..", p));
    add("folder/self.txt", "symlink-loop", /symlink loop/, (p) => symlinkSync("self.txt", p));
    writeFileSync(join(dir, "z-good.txt"), iconv.encode(SEED, "gbk"));
    out = join(tmp, "out-bad");
    run = await zhibiao(["extract", dir, join(dir, "missing.txt"), "--out", out, "--jobs", "2"]);
    cases.push(["missing.txt", "missing-input", /no such file or folder/]);
  });

  it("exits 2", () => {
    expect(run.code).toBe(2);
  });

  it.each([
    "empty.txt",
    "image.txt",
    "latin.txt",
    "corrupt.docx",
    "corrupt.pdf",
    "scan.pdf",
    "folder/pipe.txt",
    "folder/loop",
    "folder/self.txt",
    "missing.txt",
  ])("%s", (name) => {
    const [, code, msg] = cases.find((c) => c[0] === name) as [string, string, RegExp];
    const path = join(tmp, "bad", name);
    const line = run.stderr.split("\n").find((l) => l.startsWith(`zhibiao: ${path}: `));
    expect(line, `stderr: ${run.stderr}`).toMatch(msg);
    const doc = readJsonl(join(out, "documents.jsonl")).find((d) => d.path === path);
    expect(doc).toMatchObject({ status: "error", record_count: 0 });
    expect((doc?.errors as string[])[0]).toMatch(msg);
    const diag = readJsonl(join(out, "diagnostics.jsonl")).find((d) => d.path === path);
    expect(diag).toMatchObject({ severity: "error", code });
  });

  it("writes the good inputs in full", () => {
    const docs = readJsonl(join(out, "documents.jsonl")).filter((d) => d.status === "ok");
    expect(docs.map((d) => [d.doc_id, d.encoding, d.chars])).toEqual([
      ["a-good", "utf-8", SEED.length],
      ["z-good", "gb18030", SEED.length],
    ]);
    for (const f of OUTPUTS) expect(readdirSync(out)).toContain(f);
  });
});

describe("failures during the batch", () => {
  it("turns a worker crash into one failed document and goes on", async () => {
    const out = join(tmp, "out-crash");
    const r = await zhibiao(["extract", join(tmp, "corpus"), "--out", out, "--jobs", "2"], { env: { ZHIBIAO_FAULT: "crash:r004,crash:r008" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/r004\.txt: the worker extracting it crashed \(injected crash on r004\)/);
    const docs = readJsonl(join(out, "documents.jsonl"));
    expect(docs).toHaveLength(26);
    expect(docs.filter((d) => d.status === "error").map((d) => d.doc_id)).toEqual(["r004", "r008"]);
    expect(readJsonl(join(out, "diagnostics.jsonl")).filter((d) => d.code === "worker-crashed")).toHaveLength(2);
  });

  it("reports a read error (EIO) on one file of a folder", async () => {
    const out = join(tmp, "out-eio");
    const r = await zhibiao(["extract", join(tmp, "corpus"), "--out", out, "--quiet"], { env: { ZHIBIAO_FAULT: "read:r012" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/r012\.txt: cannot read \(EIO/);
    expect(readJsonl(join(out, "documents.jsonl")).filter((d) => d.status === "ok")).toHaveLength(25);
  });

  it("reports a file it has no permission to read (chmod 000, run as an unprivileged user)", async () => {
    const dir = join(tmp, "perm");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.txt"), SEED);
    writeFileSync(join(dir, "locked.txt"), SEED);
    chmodSync(join(dir, "locked.txt"), 0o000);
    chmodSync(tmp, 0o755);
    chmodSync(dir, 0o777);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const out = join(dir, "out");
    const r = await zhibiao(["extract", dir, "--out", out, "--quiet"], asNobody);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/locked\.txt: permission denied/);
    expect(readJsonl(join(out, "diagnostics.jsonl"))).toMatchObject([{ code: "unreadable", path: join(dir, "locked.txt") }]);
    expect(readJsonl(join(out, "documents.jsonl")).map((d) => d.status)).toEqual(["ok", "error"]);
  });

  it("refuses a file over --max-bytes without reading it", async () => {
    const out = join(tmp, "out-max");
    const r = await zhibiao(["extract", join(tmp, "corpus", "r000.txt"), join(tmp, "corpus", "r004.txt"), "--out", out, "--max-bytes", "1KB", "--quiet"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/r000\.txt: too large: .* > --max-bytes 1 KB; not read/);
    expect(readJsonl(join(out, "diagnostics.jsonl"))[0]).toMatchObject({ code: "too-large" });
  });
});

describe("large inputs", () => {
  it("reads a 50 MB report and a single 5 MB line without punctuation", async () => {
    const dir = join(tmp, "large");
    mkdirSync(dir);
    let big = "";
    while (big.length * 3 < 50 * 1024 * 1024) big += SEED + "\n";
    writeFileSync(join(dir, "big.txt"), big);
    const pairs = Math.floor((5 * 1024 * 1024) / 6);
    writeFileSync(join(dir, "line.txt"), "发展".repeat(pairs) + "增长5");
    writeFileSync(join(dir, "small.txt"), SEED);
    const out = join(tmp, "out-large");
    const r = await zhibiao(["extract", dir, "--out", out, "--jobs", "2", "--quiet"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const docs = readJsonl(join(out, "documents.jsonl"));
    expect(docs.map((d) => [d.doc_id, d.status, d.chars])).toEqual([
      ["big", "ok", big.length],
      ["line", "ok", pairs * 2 + 3],
      ["small", "ok", SEED.length],
    ]);
  }, 600_000);
});
