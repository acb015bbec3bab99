import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, ROOT, zhibiao } from "./cli.js";

/**
 * Issue 14: ids a long-running collection can rely on, and `extract --update`, whose output equals a
 * full run's byte for byte. The inputs are short real reports of ../shared/corpus, in folders the way an
 * analyst collects them (one 政府工作报告.txt per region and year).
 */
const SHARED = join(ROOT, "../shared/corpus");
const REPORTS: [string, string][] = [
  ["district_yantian_2015", "盐田区/2015"],
  ["district_yantian_2016", "盐田区/2016"],
  ["district_longgang_2015", "龙岗区/2015"],
  ["district_longgang_2016", "龙岗区/2016"],
];
let tmp = "";

const jsonl = (path: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const files = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith(".")).sort();
/** Every output file of two folders, byte for byte. */
function expectSameBytes(a: string, b: string): void {
  expect(files(a)).toEqual(files(b));
  for (const f of files(a)) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
}
function collection(name: string, reports: [string, string][] = REPORTS): string {
  const dir = join(tmp, name);
  for (const [doc, where] of reports) {
    mkdirSync(join(dir, where), { recursive: true });
    cpSync(join(SHARED, `${doc}.txt`), join(dir, where, "政府工作报告.txt"));
  }
  return dir;
}

beforeAll(() => {
  build();
  tmp = mkdtempSync(join(tmpdir(), "zhibiao-update-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("stable, safe ids", () => {
  it("doc_id is the path under the folder named; record ids stay the same when unrelated files come and go", async () => {
    const dir = collection("ids");
    const full = join(tmp, "ids-out");
    expect((await zhibiao(["extract", dir, "--out", full, "--quiet"])).code).toBe(0);
    const docs = jsonl(join(full, "documents.jsonl"));
    expect(docs.map((d) => d.doc_id)).toEqual(["盐田区/2015/政府工作报告", "盐田区/2016/政府工作报告", "龙岗区/2015/政府工作报告", "龙岗区/2016/政府工作报告"]);
    const before = jsonl(join(full, "records.jsonl")).filter((r) => String(r.doc_id).startsWith("龙岗区/2016"));

    // one report leaves, another arrives: 龙岗区/2016's ids do not move
    rmSync(join(dir, "盐田区/2015"), { recursive: true });
    mkdirSync(join(dir, "坪山区/2016"), { recursive: true });
    cpSync(join(SHARED, "city_shenzhen_2016.txt"), join(dir, "坪山区/2016/政府工作报告.txt"));
    const again = join(tmp, "ids-out2");
    expect((await zhibiao(["extract", dir, "--out", again, "--quiet"])).code).toBe(0);
    const after = jsonl(join(again, "records.jsonl")).filter((r) => String(r.doc_id).startsWith("龙岗区/2016"));
    expect(after.length).toBeGreaterThan(50);
    expect(after.map((r) => r.record_id)).toEqual(before.map((r) => r.record_id));
  }, 120_000);

  it("record_id is never read as a number: r and 16 hex digits", async () => {
    const out = join(tmp, "ids-out");
    const ids = jsonl(join(out, "records.jsonl")).map((r) => String(r.record_id));
    expect(ids.length).toBeGreaterThan(200);
    for (const id of ids) expect(id).toMatch(/^r[0-9a-f]{16}$/);
    for (const id of ids) expect(Number.isNaN(Number(id))).toBe(true);
  });

  it("records carry path, level and report_year; documents.csv is documents.jsonl as a table", () => {
    const out = join(tmp, "ids-out");
    const r = jsonl(join(out, "records.jsonl"))[0]!;
    expect(r.path).toBe(join(tmp, "ids", "盐田区/2015/政府工作报告.txt"));
    expect(r).toMatchObject({ level: "county", report_year: 2015 });
    const csv = readFileSync(join(out, "documents.csv"), "utf8").split("\r\n");
    expect(csv[0]).toMatch(/^\uFEFFdoc_id,path,status,reader,encoding,bytes,chars,sha256,record_count,errors,title,region,region_code,region_parents,/);
    expect(csv[1]).toMatch(/^盐田区\/2015\/政府工作报告,.*政府工作报告\.txt,ok,txt,utf-8,\d+,\d+,[0-9a-f]{64},\d+,/);
    expect(csv.filter(Boolean)).toHaveLength(5);
  });

  it("two inputs that would share a doc_id each get their own path's hash, whatever their order", async () => {
    const a = collection("share-a", [["district_yantian_2015", "2015"]]);
    const b = collection("share-b", [["district_yantian_2016", "2015"]]);
    const one = join(tmp, "share-1");
    const two = join(tmp, "share-2");
    const r1 = await zhibiao(["extract", a, b, "--out", one, "--quiet"]);
    const r2 = await zhibiao(["extract", b, a, "--out", two, "--quiet"]);
    expect([r1.code, r2.code]).toEqual([0, 0]);
    const ids = (out: string) => new Map(jsonl(join(out, "documents.jsonl")).map((d) => [d.path, d.doc_id]));
    const m1 = ids(one);
    expect([...m1.values()].every((id) => /^2015\/政府工作报告~[0-9a-f]{8}$/.test(String(id)))).toBe(true);
    expect(new Set(m1.values()).size).toBe(2);
    expect(ids(two)).toEqual(m1);
    expect(jsonl(join(one, "diagnostics.jsonl")).filter((d) => d.code === "duplicate-doc-id")).toHaveLength(2);
  }, 120_000);

  it("--doc-id names stdin (and a single file); with several inputs it is bad usage", async () => {
    const out = join(tmp, "stdin-out");
    const text = readFileSync(join(SHARED, "district_yantian_2016.txt"));
    const r = await zhibiao(["extract", "-", "--doc-id", "盐田区/2016", "--out", out, "--quiet"], { input: text });
    expect(r.code, r.stderr).toBe(0);
    expect(jsonl(join(out, "documents.jsonl"))[0]).toMatchObject({ doc_id: "盐田区/2016", path: "-" });
    expect(jsonl(join(out, "records.jsonl"))[0]).toMatchObject({ doc_id: "盐田区/2016", path: "-" });
    const bad = await zhibiao(["extract", join(SHARED, "district_yantian_2015.txt"), join(SHARED, "district_yantian_2016.txt"), "--doc-id", "x", "--out", join(tmp, "never"), "--quiet"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--doc-id names one input/);
  }, 60_000);
});

describe("extract --update", () => {
  it("re-extracts only what is new or changed, drops what is gone, and equals a full run byte for byte", async () => {
    const dir = collection("upd");
    const out = join(tmp, "upd-out");
    expect((await zhibiao(["extract", dir, "--out", out, "--quiet"])).code).toBe(0);

    // a new report, a changed one, one gone
    mkdirSync(join(dir, "坪山区/2016"), { recursive: true });
    cpSync(join(SHARED, "city_shenzhen_2016.txt"), join(dir, "坪山区/2016/政府工作报告.txt"));
    const changed = join(dir, "龙岗区/2015/政府工作报告.txt");
    writeFileSync(changed, readFileSync(changed, "utf8").replace("2358亿元", "2359亿元"));
    rmSync(join(dir, "盐田区/2016"), { recursive: true });
    const r = await zhibiao(["extract", dir, "--out", out, "--update"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^zhibiao: 4 documents \(2 unchanged, 2 extracted\), \d+ records, \d+ panel cells → /m);

    const full = join(tmp, "upd-full");
    expect((await zhibiao(["extract", dir, "--out", full, "--quiet"])).code).toBe(0);
    expectSameBytes(out, full);
    expect(jsonl(join(out, "records.jsonl")).some((r) => r.raw === "2359亿元")).toBe(true);
    expect(jsonl(join(out, "documents.jsonl")).map((d) => d.doc_id)).not.toContain("盐田区/2016/政府工作报告");

    // nothing changed: everything copied, the same bytes again
    const same = await zhibiao(["extract", dir, "--out", out, "--update"]);
    expect(same.stderr).toMatch(/\(4 unchanged, 0 extracted\)/);
    expectSameBytes(out, full);
  }, 180_000);

  it("re-extracts every input when the rules or the output options changed, or when the metadata of one did", async () => {
    const dir = collection("upd2", REPORTS.slice(0, 2));
    const out = join(tmp, "upd2-out");
    expect((await zhibiao(["extract", dir, "--out", out, "--quiet"])).code).toBe(0);
    const rules = join(tmp, "more-rules");
    cpSync(join(ROOT, "examples/income-ratio"), rules, { recursive: true });
    const withRules = await zhibiao(["extract", dir, "--out", out, "--update", "--rules", rules]);
    expect(withRules.stderr).toMatch(/--update: the rules changed; extracting every input/);
    expect(withRules.stderr).toMatch(/\(0 unchanged, 2 extracted\)/);
    const header = await zhibiao(["extract", dir, "--out", out, "--update", "--rules", rules, "--header", "zh"]);
    expect(header.stderr).toMatch(/--update: the output options changed/);

    // a --meta row for one input: that one is extracted again, with its metadata
    const meta = join(tmp, "meta.csv");
    writeFileSync(meta, "doc_id,region,level\n盐田区/2016/政府工作报告,广东省深圳市盐田区,county\n");
    const withMeta = await zhibiao(["extract", dir, "--out", out, "--update", "--rules", rules, "--header", "zh", "--meta", meta]);
    expect(withMeta.stderr).toMatch(/\(1 unchanged, 1 extracted\)/);
    const full = join(tmp, "upd2-full");
    expect((await zhibiao(["extract", dir, "--out", full, "--quiet", "--rules", rules, "--header", "zh", "--meta", meta])).code).toBe(0);
    expectSameBytes(out, full);
  }, 180_000);

  it("with records.xlsx asked for, rebuilds it from the copied records", async () => {
    const dir = collection("upd3", REPORTS.slice(2));
    const out = join(tmp, "upd3-out");
    expect((await zhibiao(["extract", dir, "--out", out, "--quiet", "--format", "xlsx"])).code).toBe(0);
    const r = await zhibiao(["extract", dir, "--out", out, "--update", "--format", "xlsx"]);
    expect(r.stderr).toMatch(/\(2 unchanged, 0 extracted\)/);
    const full = join(tmp, "upd3-full");
    expect((await zhibiao(["extract", dir, "--out", full, "--quiet", "--format", "xlsx"])).code).toBe(0);
    for (const f of files(full).filter((f) => f !== "records.xlsx")) expect(readFileSync(join(out, f)).equals(readFileSync(join(full, f))), f).toBe(true);
    expect(readFileSync(join(out, "records.xlsx")).length).toBeGreaterThan(10_000);
  }, 180_000);

  it("a folder with no run.json, or a damaged one, is extracted in full with a note; --update with --out - is bad usage", async () => {
    const dir = collection("upd4", REPORTS.slice(0, 1));
    const out = join(tmp, "upd4-out");
    const first = await zhibiao(["extract", dir, "--out", out, "--update"]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/--update: .* does not exist yet; extracting every input/);
    writeFileSync(join(out, "run.json"), "{not json");
    const damaged = await zhibiao(["extract", dir, "--out", out, "--update"]);
    expect(damaged.code).toBe(0);
    expect(damaged.stderr).toMatch(/--update: run.json is not JSON/);
    expect(jsonl(join(out, "documents.jsonl"))).toHaveLength(1);
    const stream = await zhibiao(["extract", dir, "--out", "-", "--update"]);
    expect(stream.code).toBe(1);
    expect(stream.stderr).toMatch(/--update keeps an output folder/);
  }, 120_000);
});
