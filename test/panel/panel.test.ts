import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extract } from "../../src/index.js";
import type { PanelRow } from "../../src/model/panel.js";
import { ROOT } from "../helpers.js";

// The headline panel (PANEL.md) of short reports written the ways reports write their headline figures:
// a county report of 2013, a national report of the 1990s (国民生产总值, 零售物价), a town report.
const read = (name: string) => readFileSync(`${ROOT}test/fixtures/reports/${name}.txt`, "utf8");
const cell = (rows: PanelRow[], code: string, status: string) => rows.find((r) => r.indicator_code === code && r.status === status);
const keys = (rows: PanelRow[]) => rows.map((r) => `${r.indicator_code}|${r.status}|${r.period}`);

describe("a county report: the review's opening figures and the list of main targets", () => {
  const { panel, records } = extract(read("county_2013_panel"), { doc_id: "county" });
  it("one row per code × status × period, every one for the review year or the plan year", () => {
    expect(new Set(keys(panel)).size).toBe(panel.length);
    for (const r of panel) expect(r.period).toBe(r.status === "actual" ? "2012" : "2013");
  });
  it("results of the review, levels and growth, with magnitude folded in", () => {
    expect(cell(panel, "gdp", "actual")).toMatchObject({ value: 8560000000, unit: "元", qualifier: "exact", raw: "85.6亿元" });
    expect(cell(panel, "gdp_growth", "actual")).toMatchObject({ value: 12.5, unit: "%" });
    expect(cell(panel, "fiscal_revenue", "actual")).toMatchObject({ value: 520000000 });
    expect(cell(panel, "rural_income", "actual")).toMatchObject({ value: 7820 });
    expect(cell(panel, "urban_new_jobs", "actual")).toMatchObject({ value: 3200, unit: "人" });
    expect(cell(panel, "unemployment_registered", "actual")).toMatchObject({ value: 4.1, qualifier: "at_most" });
  });
  it("targets from the list, a 分别 pair split in order, a fall negative", () => {
    expect(cell(panel, "gdp_growth", "target")).toMatchObject({ value: 11, qualifier: "at_least" });
    expect(cell(panel, "urban_income_growth", "target")).toMatchObject({ value: 12 });
    expect(cell(panel, "rural_income_growth", "target")).toMatchObject({ value: 13 });
    expect(cell(panel, "energy_intensity_change", "target")).toMatchObject({ value: -3.5 });
  });
  it("never a sub-region (开发区) or a long-range goal (到2015年)", () => {
    expect(panel.filter((r) => r.indicator_code === "fai" && r.status === "actual").map((r) => r.value)).toEqual([6200000000]);
    expect(panel.some((r) => r.indicator_code === "gdp" && r.status === "target")).toBe(false);
  });
  it("every cell names the record it came from (provenance, not a copy)", () => {
    for (const r of panel) {
      const rec = records.find((x) => x.record_id === r.record_id)!;
      expect(rec).toBeDefined();
      expect(rec.raw).toBe(r.raw);
      expect([rec.start, rec.end]).toEqual([r.start, r.end]);
    }
  });
});

describe("a national report of the 1990s", () => {
  const { panel, meta } = extract(read("national_1993_panel"), { doc_id: "n1993" });
  it("is national (我代表国务院) and dated by the year its review reports", () => {
    expect(meta).toMatchObject({ region: "全国", level: "national", region_code: "000000", report_year: 1993 });
  });
  it("国民生产总值 and 零售物价 are older names of the headline codes; 生活费收入 (the urban measure before 可支配收入) is none, as the gold codes it", () => {
    expect(cell(panel, "gdp", "actual")).toMatchObject({ value: 2393800000000 });
    expect(cell(panel, "gdp_growth", "actual")).toMatchObject({ value: 12.8 });
    expect(cell(panel, "cpi", "actual")).toMatchObject({ value: 5.4 });
    expect(cell(panel, "urban_income", "actual")).toBeUndefined();
    expect(cell(panel, "rural_income", "actual")).toMatchObject({ value: 784 });
  });
  it("a range target, a cap, a mass in 公斤", () => {
    expect(cell(panel, "gdp_growth", "target")).toMatchObject({ value: 8, value_max: 9, qualifier: "range" });
    expect(cell(panel, "cpi", "target")).toMatchObject({ value: 6, qualifier: "at_most" });
    expect(cell(panel, "grain_output", "target")).toMatchObject({ value: 450000000000, unit: "公斤", qualifier: "approx" });
  });
});

describe("a town report", () => {
  const { panel } = extract(read("town_2021_panel"), { doc_id: "town" });
  it("tax revenue and its growth, jobs without 城镇 are urban_new_jobs", () => {
    expect(cell(panel, "tax_revenue", "actual")).toMatchObject({ value: 123000000 });
    expect(cell(panel, "tax_revenue_growth", "target")).toMatchObject({ value: 6, qualifier: "approx" });
    expect(cell(panel, "urban_new_jobs", "target")).toMatchObject({ value: 450 });
    expect(cell(panel, "rural_income_growth", "target")).toMatchObject({ value: 8, qualifier: "at_least" });
  });
});

describe("PANEL.md's decisions", () => {
  const panelOf = (text: string) => extract(text, { doc_id: "t", report_date: "2020-03-01" }).panel;
  it("a report that says it sets no target gets an absent row", () => {
    const rows = panelOf("二、2020年工作安排\n今年我们没有提出全年经济增速具体目标。城镇新增就业900万人以上。");
    expect(cell(rows, "gdp_growth", "target")).toMatchObject({ absent: true, value: null, unit: null, qualifier: null, period: "2020" });
    expect(cell(rows, "urban_new_jobs", "target")).toMatchObject({ value: 9000000, qualifier: "at_least" });
  });
  it("控制在X% without 以内 is at_most for a target, exact for a result", () => {
    const rows = panelOf("一、2019年工作回顾\n城镇登记失业率控制在3.6%。\n二、2020年工作安排\n主要预期目标是：城镇登记失业率控制在4.5%。");
    expect(cell(rows, "unemployment_registered", "target")).toMatchObject({ value: 4.5, qualifier: "at_most" });
    expect(cell(rows, "unemployment_registered", "actual")).toMatchObject({ value: 3.6, qualifier: "exact" });
  });
  it("迈上…台阶 is at least the figure; a fall with a floor keeps at_least", () => {
    const rows = panelOf("一、2019年工作回顾\n地区生产总值迈上5000亿元台阶。\n二、2020年工作安排\n主要预期目标是：单位地区生产总值能耗降低3%以上。");
    expect(cell(rows, "gdp", "actual")).toMatchObject({ value: 500000000000, qualifier: "at_least" });
    expect(cell(rows, "energy_intensity_change", "target")).toMatchObject({ value: -3, qualifier: "at_least" });
  });
  it("a consumer price index is coded as the rise", () => {
    const rows = panelOf("二、2020年工作安排\n主要预期目标是：居民消费价格指数102%左右。");
    expect(cell(rows, "cpi", "target")).toMatchObject({ value: 2, qualifier: "approx" });
  });
  it("the list of main targets wins over a later restatement; a second value is named as a conflict", () => {
    const rows = panelOf("一、2019年工作回顾\n地区生产总值增长6.1%。全年地区生产总值增长6.2%。\n二、2020年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。\n要确保地区生产总值增长6.5%。");
    expect(cell(rows, "gdp_growth", "target")).toMatchObject({ value: 6, qualifier: "approx" });
    expect(cell(rows, "gdp_growth", "target")!.conflict).toMatch(/^6\.5 % exact @ r[0-9a-f]{16} \(6\.5%\)$/);
    expect(cell(rows, "gdp_growth", "actual")).toMatchObject({ value: 6.2 });
  });
  it("averages, totals over years and parts of a year are no cells", () => {
    const rows = panelOf("一、2019年工作回顾\n五年来地区生产总值年均增长7%。1-11月，规模以上工业增加值增长5%。累计新增就业5万人。");
    expect(rows).toEqual([]);
  });
  it("a total is the year's when its clause names the year (全年累计…), else a multi-year one", () => {
    const rows = panelOf("一、2019年工作回顾\n全年累计完成固定资产投资52亿元。累计新增就业5万人。");
    expect(cell(rows, "fai", "actual")).toMatchObject({ value: 5200000000 });
    expect(cell(rows, "urban_new_jobs", "actual")).toBeUndefined();
  });
  it("a five-year review's end level is the last year's actual when nothing else gives it", () => {
    const rows = extract("一、过去五年工作回顾\n过去五年，全省地区生产总值从3.5万亿元提高到4.8万亿元，城镇新增就业560万人。", { doc_id: "t", report_date: "2021-01-20" }).panel;
    expect(cell(rows, "gdp", "actual")).toMatchObject({ period: "2020", value: 4800000000000 });
    expect(cell(rows, "urban_new_jobs", "actual")).toBeUndefined();
  });
});

describe("a mid-year report without a date", () => {
  const { panel, meta } = extract("一、2023年上半年工作回顾\n上半年完成税收收入1.2亿元，比上年同期增长5%。\n二、下半年工作打算\n全年力争完成税收收入2.6亿元。", { doc_id: "half" });
  it("is of the year whose first half it reviews, and its cells are for 2023H1 and 2023", () => {
    expect(meta).toMatchObject({ report_year: 2023, review_period: "2023H1" });
    expect(cell(panel, "tax_revenue", "actual")).toMatchObject({ period: "2023H1", value: 120000000 });
    expect(cell(panel, "tax_revenue_growth", "actual")).toMatchObject({ period: "2023H1", value: 5 });
  });
});
