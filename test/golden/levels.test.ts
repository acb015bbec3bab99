import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extract } from "../../src/index.js";
import { ROOT } from "../helpers.js";

// Short reports written the way town, street and city reports write (test/fixtures/reports): the parts,
// the periods and the status of their figures, and the figures a researcher would look for first.
const read = (name: string) => readFileSync(`${ROOT}test/fixtures/reports/${name}.txt`, "utf8");
const find = (records: ReturnType<typeof extract>["records"], raw: string) => records.find((r) => r.raw === raw)!;

describe("a street report: half-year review and second-half plan", () => {
  const { records, meta } = extract(read("street_2024_half"), { doc_id: "street" });
  it("takes the year from the title and the half years from the part headings", () => {
    expect(meta).toMatchObject({ report_year: 2024, review_period: "2024H1", plan_period: "2024H2", report_date: null });
  });
  it("figures of the review are actual, of the plan targets; 同比 in a plan is still a target", () => {
    expect(find(records, "3.2%")).toMatchObject({ kind: "change", value: -3.2, status: "actual", period: "2024H1", indicator: "街道实现税收" });
    expect(find(records, "48.6%")).toMatchObject({ kind: "progress", status: "actual" });
    expect(find(records, "3.8亿元")).toMatchObject({ qualifier: "more_than", status: "target", period: "2024" });
    expect(find(records, "5%")).toMatchObject({ kind: "change", qualifier: "at_least", status: "target" });
  });
  it("counts with 余/逾 and points", () => {
    expect(find(records, "1200余户")).toMatchObject({ value: 1200, unit: "户", qualifier: "more_than" });
    expect(find(records, "5个百分点")).toMatchObject({ kind: "change", value: 5, unit: "个百分点" });
    expect(find(records, "8000人次")).toMatchObject({ qualifier: "more_than" });
  });
});

describe("a town report: annual review and plan", () => {
  const { records, meta } = extract(read("town_2025_plan"), { doc_id: "town" });
  it("periods from the part headings", () => {
    expect(meta).toMatchObject({ title: "关于2024年工作总结和2025年工作计划", review_period: "2024", plan_period: "2025" });
  });
  it("review, then targets", () => {
    expect(find(records, "105%")).toMatchObject({ kind: "progress", indicator: "固定资产投资", status: "actual" });
    expect(find(records, "98.6%")).toMatchObject({ kind: "rate", indicator: "城乡居民基本医疗保险参保率" });
    expect(find(records, "6%左右")).toMatchObject({ kind: "change", status: "target", period: "2025", indicator: "财政总收入" });
    expect(find(records, "3家以上")).toMatchObject({ status: "target", qualifier: "at_least" });
  });
});

describe("a city report", () => {
  const { records } = extract(read("city_2024"), { doc_id: "city" });
  it("thresholds of what is counted and ranks are not figures", () => {
    expect(records.some((r) => r.raw.startsWith("10亿元以上"))).toBe(false);
    expect(records.some((r) => r.raw.includes("第2"))).toBe(false);
    expect(find(records, "47个")).toMatchObject({ value: 47 });
  });
  it("分别 lists take the subjects of the figures before them", () => {
    expect(find(records, "5.2%")).toMatchObject({ kind: "change", indicator: "城镇居民人均可支配收入" });
    expect(find(records, "7.1%")).toMatchObject({ kind: "change", indicator: "农村居民人均可支配收入" });
  });
  it("shares, concentrations and a 2025 target", () => {
    expect(find(records, "78.5%")).toMatchObject({ kind: "share", indicator: "税收收入" });
    expect(find(records, "28微克/立方米")).toMatchObject({ unit: "微克/立方米", dimension: "concentration" });
    expect(find(records, "12%")).toMatchObject({ kind: "share", status: "target", period: "2025" });
  });
});

describe("a short county report whose part headings only name years", () => {
  const { records, meta } = extract(read("county_2024_short"), { doc_id: "county" });
  it("front matter is found even in a short text; the year delivered decides review and plan", () => {
    expect(meta).toMatchObject({ report_date: "2024-01-10", level: "county", session: "第十八届人民代表大会第三次会议" });
    expect(find(records, "1200人")).toMatchObject({ status: "actual", period: "2023" });
    expect(find(records, "50公里")).toMatchObject({ status: "target", period: "2024" });
  });
  it("in the plan part, a clause that names 去年 reports, one that names 今年 plans", () => {
    expect(find(records, "5亿元")).toMatchObject({ status: "actual", period: "2023", indicator: "投资" });
    expect(find(records, "6亿元")).toMatchObject({ status: "target", period: "2024" });
    expect(records.filter((r) => r.raw === "1200人").map((r) => [r.status, r.period])).toEqual([["actual", "2023"], ["actual", "2023"]]);
    expect(find(records, "1350人")).toMatchObject({ status: "target", period: "2024" });
  });
});

describe("a street's year-end summary and next year's plan, without a session line", () => {
  const { records, meta } = extract(read("street_2023_year_end"), { doc_id: "street-year-end" });
  it("takes the place from the title, the periods from the part headings", () => {
    expect(meta).toMatchObject({ region: "东城街道", town: "东城街道", level: "town", report_year: 2023, review_period: "2023", plan_period: "2024" });
  });
  it("上年 as a comparison base does not set the period; the baseline is the year before", () => {
    expect(find(records, "60%")).toMatchObject({ kind: "baseline", period: "2022" });
    expect(find(records, "75%")).toMatchObject({ kind: "rate", period: "2023" });
    expect(find(records, "15个百分点")).toMatchObject({ kind: "change", period: "2023" });
    expect(find(records, "1.5倍")).toMatchObject({ kind: "change", period: "2023" });
  });
  it("全年 in the plan part is the year planned", () => {
    expect(find(records, "1.6亿元")).toMatchObject({ status: "target", period: "2024", indicator: "税收收入" });
    expect(find(records, "3-5个")).toMatchObject({ qualifier: "range", value: 3, value_max: 5, period: "2024" });
  });
  it("a change in 成, a class named by a money threshold, a part of a whole (其中)", () => {
    expect(find(records, "三成")).toMatchObject({ kind: "change", value: 30, unit: "%", qualifier: "approx" });
    expect(find(records, "7个")).toMatchObject({ indicator: "亿元以上项目" });
    expect(find(records, "500个")).toMatchObject({ qualifier: "at_least", indicator: "新增停车位" });
  });
});

describe("a district's review paragraph (the common indicators, written the common ways)", () => {
  const { records } = extract(read("district_2024_review"), { doc_id: "district" });
  it("a per-output denominator and a duration keep the words that name them", () => {
    expect(find(records, "3.5%")).toMatchObject({ kind: "change", value: -3.5, indicator: "万元地区生产总值能耗" });
    expect(find(records, "312天")).toMatchObject({ kind: "quantity", unit: "天", indicator: "空气质量优良天数" });
  });
  it("净增 is a change of the count before it", () => {
    expect(find(records, "312家")).toMatchObject({ kind: "quantity", indicator: "高新技术企业数量" });
    expect(find(records, "46家")).toMatchObject({ kind: "change", value: 46, indicator: "高新技术企业数量" });
  });
  it("a comparison with a higher level is a change in points; a 其中 part; a 分别 list", () => {
    expect(find(records, "0.8个百分点")).toMatchObject({ kind: "change", value: 0.8, unit: "个百分点" });
    expect(find(records, "36.4亿美元")).toMatchObject({ unit: "美元", value: 3640000000, indicator: "出口额" });
    expect(find(records, "7.1%")).toMatchObject({ kind: "change", indicator: "农村居民人均可支配收入" });
    expect(find(records, "4%以内")).toMatchObject({ kind: "rate", qualifier: "at_most", indicator: "城镇登记失业率" });
  });
});

describe("a provincial targets paragraph", () => {
  const { records } = extract(read("province_targets_paragraph"), { doc_id: "province" });
  it("the main expected targets, each with its indicator and qualifier", () => {
    expect(find(records, "5.5%左右")).toMatchObject({ kind: "change", qualifier: "approx", status: "target", indicator: "地区生产总值" });
    expect(find(records, "5.5%以内")).toMatchObject({ kind: "rate", qualifier: "at_most", status: "target", indicator: "城镇调查失业率" });
    expect(find(records, "2.5%左右")).toMatchObject({ kind: "change", value: -2.5, indicator: "单位地区生产总值能耗" });
  });
  it("到2025年 states an aim even in a text with no parts and no date", () => {
    expect(find(records, "76%")).toMatchObject({ kind: "rate", status: "target", period: "2025" });
    expect(find(records, "1.2亿件")).toMatchObject({ status: "actual" });
  });
  it("each part after 其中 is a part of the whole before it; a bracketed list belongs to what is counted", () => {
    expect(find(records, "5.4万亿元")).toMatchObject({ indicator: "外贸进出口中出口" });
    expect(find(records, "2.9万亿元")).toMatchObject({ indicator: "外贸进出口中进口" });
    expect(find(records, "122个").indicator).toMatch(/县（市、区）$/);
  });
  it("分别: a short subject shares the head of the last one, joined where they overlap", () => {
    expect(find(records, "56.2%")).toMatchObject({ kind: "share", indicator: "先进制造业增加值占规模以上工业增加值" });
    expect(find(records, "34.7%")).toMatchObject({ kind: "share", indicator: "高技术制造业增加值占规模以上工业增加值" });
  });
  it("fractions and multiples", () => {
    expect(find(records, "四分之一")).toMatchObject({ kind: "share", value: 25, unit: "%" });
    expect(find(records, "1.6倍")).toMatchObject({ kind: "change", value: 1.6, unit: "倍" });
  });
});

describe("review sentences without a heading (status from the sentence alone)", () => {
  const { records } = extract(read("review_sentences"), { doc_id: "sentences" });
  it("a result measured against the year's plan is actual, not an aim", () => {
    expect(find(records, "1.5亿元")).toMatchObject({ status: "actual", indicator: "投资" });
    expect(find(records, "120%")).toMatchObject({ kind: "progress", status: "actual" });
  });
  it("the work done names a progress figure; verbs of change and 大关 are not the indicator", () => {
    expect(find(records, "112%")).toMatchObject({ kind: "progress", indicator: "植树造林" });
    expect(find(records, "千亿元")).toMatchObject({ qualifier: "more_than", indicator: "GDP" });
    expect(find(records, "42平方公里")).toMatchObject({ kind: "quantity", indicator: "建成区面积" });
    expect(find(records, "6平方公里")).toMatchObject({ kind: "change", indicator: "建成区面积" });
  });
  it("投资…的 names the works the money went to, without what became of them", () => {
    expect(find(records, "3.4亿元")).toMatchObject({ indicator: "冰上运动训练中心项目投资" });
    expect(find(records, "3.23亿元")).toMatchObject({ indicator: "拆炉并网工程投资" });
    expect(find(records, "190万平方米")).toMatchObject({ indicator: "新接入集中供热面积" });
  });
  it("a bare 投资 takes the works named by the clause before, without how they went", () => {
    expect(find(records, "48.5亿元")).toMatchObject({ indicator: "棚户区改造和房地产开发投资" });
    expect(find(records, "97.3万平方米")).toMatchObject({ indicator: "改造开发面积" });
  });
  it("the size of each thing counted is not a figure; the count names the things", () => {
    expect(records.some((r) => r.raw.startsWith("1000亩"))).toBe(false);
    expect(find(records, "3个")).toMatchObject({ indicator: "建成示范基地" });
  });
  it("another measure of the same thing takes the thing, not the verb before it", () => {
    expect(find(records, "8600头")).toMatchObject({ indicator: "生猪存栏" });
    expect(find(records, "48家")).toMatchObject({ indicator: "规上企业总数" });
  });
  it("from … to: the baseline and the level reached", () => {
    expect(find(records, "1.2万元")).toMatchObject({ kind: "baseline", indicator: "人均收入" });
    expect(find(records, "1.8万元")).toMatchObject({ kind: "quantity", indicator: "人均收入" });
  });
});

describe("a town report whose part headings have no numbering", () => {
  const { records, meta } = extract(read("town_unnumbered_parts"), { doc_id: "town-unnumbered" });
  it("finds the parts, their periods, and the status of their figures", () => {
    expect(meta).toMatchObject({ review_period: "2024", plan_period: "2025" });
    expect(find(records, "12公里")).toMatchObject({ status: "actual", period: "2024", section_title: "2024年工作总结" });
    expect(find(records, "15公里")).toMatchObject({ status: "target", period: "2025", section_title: "2025年工作计划" });
    expect(find(records, "5%以上")).toMatchObject({ kind: "change", indicator: "一般公共预算收入" });
  });
  it("分别 over parts of the year: one indicator, each figure its own period", () => {
    expect(find(records, "4.0%")).toMatchObject({ kind: "change", indicator: "规上工业产值", period: "2024Q1" });
    expect(find(records, "5.0%")).toMatchObject({ indicator: "规上工业产值", period: "2024H1" });
    expect(find(records, "4.5%")).toMatchObject({ indicator: "规上工业产值", period: "2024Q1-Q3" });
  });
});
