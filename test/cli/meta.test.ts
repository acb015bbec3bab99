import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "zhibiao-meta-"));
  dirs.push(d);
  return d;
};
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), ...args], { cwd: ROOT, encoding: "utf8" });
const jsonl = (f: string) => readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

// A report as scraped: no front matter, no date, no place — what a researcher's table knows instead.
const REPORT = "各位代表：\n一、过去一年工作回顾\n全区地区生产总值增长6.5%。\n二、今年工作安排\n主要预期目标是：地区生产总值增长6%左右。\n";

function inputs(): string {
  const d = tmp();
  mkdirSync(join(d, "in"));
  writeFileSync(join(d, "in", "yantian_2019.txt"), REPORT);
  writeFileSync(join(d, "in", "other.txt"), "税收收入14869万元。");
  return d;
}

describe("extract --meta", () => {
  it("sets region, code, level and year from the table: documents, records and panel follow it", () => {
    const d = inputs();
    writeFileSync(join(d, "meta.csv"), "\uFEFFdoc_id,region,level,report_year\nyantian_2019,广东省深圳市盐田区,county,2019\n");
    const r = cli("extract", join(d, "in"), "--meta", join(d, "meta.csv"), "--out", join(d, "out"), "--quiet");
    expect(r.status, r.stderr).toBe(0);
    const doc = jsonl(join(d, "out", "documents.jsonl")).find((x) => x.doc_id === "yantian_2019")!;
    expect(doc).toMatchObject({ region: "广东省深圳市盐田区", region_code: "440308", level: "county", report_year: 2019 });
    const panel = jsonl(join(d, "out", "panel.jsonl"));
    expect(panel.map((p) => [p.indicator_code, p.status, p.period, p.value, p.region_code])).toEqual([
      ["gdp_growth", "actual", "2018", 6.5, "440308"],
      ["gdp_growth", "target", "2019", 6, "440308"],
    ]);
    expect(jsonl(join(d, "out", "records.jsonl")).filter((x) => x.doc_id === "yantian_2019").every((x) => x.region_code === "440308")).toBe(true);
  });

  it("matches rows by path too, warns where the table and the text disagree, and names rows that match no input", () => {
    const d = inputs();
    writeFileSync(join(d, "in", "dated.txt"), "政府工作报告\n——2020年1月10日在某某区第一届人民代表大会第一次会议上\n一、2019年工作回顾\n地区生产总值增长6%。\n");
    writeFileSync(join(d, "meta.csv"), "path,report_year\nin/dated.txt,2021\nin/missing.txt,2020\n");
    const r = cli("extract", join(d, "in"), "--meta", join(d, "meta.csv"), "--out", join(d, "out"), "--quiet");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/meta\.csv:3: path 'missing\.txt' names no input/);
    const diags = jsonl(join(d, "out", "diagnostics.jsonl"));
    expect(diags.some((x) => x.code === "meta-override" && /report_year: the text says 2020, the metadata given says 2021/.test(String(x.message)))).toBe(true);
    expect(jsonl(join(d, "out", "documents.jsonl")).find((x) => x.doc_id === "dated")).toMatchObject({ report_year: 2021 });
  });

  it.each([
    ["not CSV", "doc_id,region\n\"unclosed,x\n", /meta\.csv:\d+: not a CSV file/],
    ["no doc_id or path", "region,report_year\n广东省,2015\n", /meta\.csv:1: the header needs a doc_id or a path column/],
    ["an unknown column", "doc_id,province\na,广东省\n", /meta\.csv:1: unknown column 'province'; columns are: doc_id, path/],
    ["a bad value", "doc_id,report_year\na,twenty\n", /meta\.csv:2: report_year 'twenty' is not a year/],
    ["a bad level", "doc_id,level\na,planet\n", /meta\.csv:2: level 'planet' is none of national/],
  ])("a table with %s exits 1 naming the line, before any input is read, and writes nothing", (_what, body, message) => {
    const d = inputs();
    writeFileSync(join(d, "meta.csv"), body);
    const r = cli("extract", join(d, "in"), "--meta", join(d, "meta.csv"), "--out", join(d, "out"), "--quiet");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(d, "out"))).toBe(false);
  });

  it("--region and --report-date apply to every input", () => {
    const d = inputs();
    const r = cli("extract", join(d, "in", "yantian_2019.txt"), "--region", "海拉尔区", "--report-date", "2017-02-11", "--out", join(d, "out"), "--quiet");
    expect(r.status, r.stderr).toBe(0);
    expect(jsonl(join(d, "out", "documents.jsonl"))[0]).toMatchObject({ region: "海拉尔区", region_code: "150702", report_date: "2017-02-11", report_year: 2017 });
  });
});
