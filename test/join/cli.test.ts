import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTAINMENT_COLUMNS, JOINED_PANEL_COLUMNS, LEVEL_COLUMNS, WIDE_KEY_COLUMNS } from "../../src/model/join.js";
import { build, zhibiao, type Run } from "../batch/cli.js";
import { documentLine, readJsonl, row, tempDir, writeOutput } from "./helpers.js";
import type { PanelRow } from "../../src/model/panel.js";

const OUTPUTS = ["attainment.csv", "attainment.jsonl", "levels.csv", "levels.jsonl", "panel.csv", "panel.html", "panel.jsonl", "panel.xlsx", "panel_wide.csv"];

const root = tempDir();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const at = (code: string, region: string, doc_id: string, fields: Omit<Partial<PanelRow>, "doc_id">) =>
  row({ doc_id, region_code: code, region, indicator_code: "gdp_growth", status: "target", period: doc_id.slice(-4), ...fields } as PanelRow);
const ROWS_2015 = [
  at("000000", "全国", "national_2015", { value: 7, qualifier: "approx", indicator_name: "国内生产总值增长率" }),
  at("440000", "广东省", "guangdong_2015", { value: 8, qualifier: "approx", level: "provincial", indicator_name: "地区生产总值增长率" }),
  at("440000", "广东省", "guangdong_2015", { indicator_code: "gdp", status: "actual", period: "2014", value: 6.78e12, unit: "元", level: "provincial", indicator_name: "地区生产总值" }),
];
const ROWS_2016 = [
  at("000000", "全国", "national_2016", { status: "actual", period: "2015", value: 6.9, indicator_name: "国内生产总值增长率" }),
  at("440000", "广东省", "guangdong_2016", { status: "actual", period: "2015", value: 8, level: "provincial", indicator_name: "地区生产总值增长率" }),
];

describe("zhibiao panel", () => {
  let a = "";
  let b = "";
  let out = "";
  let run: Run;
  beforeAll(async () => {
    build();
    a = writeOutput(join(root, "out2015"), ROWS_2015);
    b = writeOutput(join(root, "out2016"), ROWS_2016);
    out = join(root, "joined");
    run = await zhibiao(["panel", a, b, "--out", out]);
  });

  it("prints a one-line summary and writes every output, no temporary left", () => {
    expect(run.stderr).toBe(`zhibiao panel: 4 reports, 5 cells, 2 attainment pairs, 1 level pairs → ${out}\n`);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(OUTPUTS);
  });

  it("writes CSV as the project does: BOM, CRLF, the schema's columns, numbers in full", () => {
    const csv = readFileSync(join(out, "panel.csv"), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(JOINED_PANEL_COLUMNS.join(","));
    expect(lines).toHaveLength(5 + 2);
    expect(csv).toContain(",6780000000000,");
    expect(readFileSync(join(out, "attainment.csv"), "utf8").slice(1).split("\r\n")[0]).toBe(ATTAINMENT_COLUMNS.join(","));
    expect(readFileSync(join(out, "levels.csv"), "utf8").slice(1).split("\r\n")[0]).toBe(LEVEL_COLUMNS.join(","));
    const wide = readFileSync(join(out, "panel_wide.csv"), "utf8").slice(1).split("\r\n");
    expect(wide[0]).toBe([...WIDE_KEY_COLUMNS, "gdp_target", "gdp_actual", "gdp_growth_target", "gdp_growth_actual", "notes"].join(","));
    expect(wide[1]).toBe("全国,000000,national,2015,,,7,6.9,");
  });

  it("writes JSONL with keys in column order, sorted; attainment and levels as the join builds them", () => {
    const panel = readJsonl(join(out, "panel.jsonl"));
    expect(panel.map((r) => Object.keys(r))).toEqual(panel.map(() => JOINED_PANEL_COLUMNS));
    expect(panel.map((r) => `${r.region_code}/${r.period}/${r.doc_id}`)).toEqual(["000000/2015/national_2015", "000000/2015/national_2016", "440000/2014/guangdong_2015", "440000/2015/guangdong_2015", "440000/2015/guangdong_2016"]);
    const att = readJsonl(join(out, "attainment.jsonl"));
    expect(att.map((r) => [r.target_doc_id, r.actual_doc_id, r.gap, r.met])).toEqual([["national_2015", "national_2016", -0.1, false], ["guangdong_2015", "guangdong_2016", 0, true]]);
    expect(readJsonl(join(out, "levels.jsonl"))).toEqual([expect.objectContaining({ doc_id: "guangdong_2015", parent_doc_id: "national_2015", difference: 1, region: "广东省", parent_region: "全国" })]);
  });

  it("writes panel.xlsx with the four tables and a codebook of every column", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "panel.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["panel", "attainment", "levels", "wide", "codebook"]);
    const sheet = wb.getWorksheet("panel");
    expect(sheet?.getRow(1).values).toEqual([undefined, ...JOINED_PANEL_COLUMNS]);
    expect(sheet?.rowCount).toBe(6);
    const value = JOINED_PANEL_COLUMNS.indexOf("value") + 1;
    expect(sheet?.getRow(4).getCell(value).value).toBe(6780000000000);
    expect(sheet?.getRow(4).getCell(value).numFmt).toBe("0");
    expect(sheet?.getRow(2).getCell(JOINED_PANEL_COLUMNS.indexOf("value_max") + 1).value).toBeNull();
    expect(sheet?.getRow(2).getCell(JOINED_PANEL_COLUMNS.indexOf("absent") + 1).value).toBe(false);
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const codebook = wb.getWorksheet("codebook");
    const entries = new Set<string>();
    codebook?.eachRow((r, n) => {
      if (n > 1) entries.add(`${r.getCell(1).value}.${r.getCell(2).value}`);
    });
    for (const c of JOINED_PANEL_COLUMNS) expect(entries).toContain(`panel.${c}`);
    for (const c of ATTAINMENT_COLUMNS) expect(entries).toContain(`attainment.${c}`);
    for (const c of LEVEL_COLUMNS) expect(entries).toContain(`levels.${c}`);
    for (const c of [...WIDE_KEY_COLUMNS, "gdp_target", "gdp_growth_actual", "notes"]) expect(entries).toContain(`panel_wide.${c}`);
  });

  it("writes a self-contained panel.html", () => {
    const html = readFileSync(join(out, "panel.html"), "utf8");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html.match(/<figure class="chart series"/g)).toHaveLength(3);
    expect(html).toContain("国内生产总值增长率");
  });

  it("--help, and bad usage: exit 1", async () => {
    const help = await zhibiao(["panel", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: zhibiao panel <extract output folders...> --out <dir>/);
    expect((await zhibiao(["panel", a])).stderr).toMatch(/--out <dir> is required/);
    expect((await zhibiao(["panel", "--out", join(root, "x")])).code).toBe(1);
    const same = await zhibiao(["panel", a, "--out", a]);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/is one of the input folders/);
    expect((await zhibiao(["panel", a, "--out", b])).stderr).toMatch(/is an extract output/);
    writeFileSync(join(root, "parents.json"), "[1]");
    expect((await zhibiao(["panel", a, "--out", join(root, "x"), "--parents", join(root, "parents.json")])).code).toBe(1);
    expect(existsSync(join(root, "x"))).toBe(false);
  });

  it("a folder that is not an extract output: exit 1 naming it, nothing written", async () => {
    const bad = join(root, "bad");
    writeOutput(bad, ROWS_2015);
    writeFileSync(join(bad, "panel.jsonl"), `${JSON.stringify(ROWS_2015[0])}\n{"doc_id": 1}\n`);
    const target = join(root, "never");
    const r = await zhibiao(["panel", a, bad, "--out", target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^zhibiao panel: ${bad}/panel.jsonl:2: not a panel row of this zhibiao version`));
    expect(existsSync(target)).toBe(false);
    const before = readFileSync(join(out, "panel.csv"));
    expect((await zhibiao(["panel", bad, "--out", out])).code).toBe(1);
    expect(readFileSync(join(out, "panel.csv"))).toEqual(before);
  });

  it("a report that failed in extract: the others are joined and written, exit 2", async () => {
    const c = writeOutput(join(root, "out-failed"), ROWS_2016, [documentLine("national_2016"), documentLine("guangdong_2016"), documentLine("scan_2016", { status: "error", sha256: null, errors: ["no text layer"] })]);
    const r = await zhibiao(["panel", a, c, "--out", join(root, "joined2")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scan_2016 failed in extract \(no text layer\); it has no panel rows/);
    expect(r.stderr).toMatch(/zhibiao panel: 4 reports, 5 cells/);
    expect((await zhibiao(["panel", a, c, "--out", join(root, "joined3"), "--quiet"])).stderr).toBe("");
  });
});
