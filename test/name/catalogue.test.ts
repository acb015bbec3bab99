import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEngine } from "../../src/pipeline/engine.js";
import { RuleLoadError } from "../../src/rules/load.js";
import { lookupPhrase, nameFigure, splitPhrase } from "../../src/name/name.js";
import { extract } from "../../src/index.js";
import { ROOT } from "../helpers.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A user rule folder holding one catalogue file. */
function catalogueDir(body: string): string {
  const d = mkdtempSync(join(tmpdir(), "zhibiao-cat-"));
  dirs.push(d);
  mkdirSync(join(d, "indicators"));
  writeFileSync(join(d, "indicators", "mine.yaml"), body);
  return d;
}

const engine = createEngine();
const cat = engine.rules.catalogue;
const lex = engine.rules.lexicon;

describe("the built-in catalogue", () => {
  it("holds every code of PANEL.md, each with names, measure, dimension, direction, forms and examples", () => {
    const codes = ["gdp", "gdp_per_capita", "fiscal_revenue", "fiscal_total_revenue", "tax_revenue", "fai", "retail_sales", "trade", "exports", "foreign_investment", "grain_output", "urban_new_jobs", "unemployment_surveyed", "unemployment_registered", "cpi", "urban_income", "rural_income", "income", "urbanization_rate", "rd_intensity", "deficit_ratio",
      "gdp_growth", "fiscal_revenue_growth", "tax_revenue_growth", "fai_growth", "retail_sales_growth", "trade_growth", "exports_growth", "foreign_investment_growth", "industrial_va_growth", "urban_income_growth", "rural_income_growth", "income_growth", "m2_growth", "energy_intensity_change", "carbon_intensity_change", "fiscal_total_revenue_growth"];
    for (const code of codes) {
      const ind = cat.byCode.get(code);
      expect(ind, code).toBeDefined();
      expect(ind!.spec.name_zh.length).toBeGreaterThan(1);
      expect(ind!.spec.examples.length).toBeGreaterThan(0);
    }
    expect(cat.byCode.get("cpi")!.spec.direction).toBe("cap");
    expect(cat.byCode.get("energy_intensity_change")!.spec.direction).toBe("down");
    expect(cat.byCode.get("gdp")!.spec.growth).toBe("gdp_growth");
  });
  it("reads older and local names of the same indicator", () => {
    for (const [phrase, code] of [["国民生产总值", "gdp"], ["本市生产总值", "gdp"], ["全区地区生产总值", "gdp"], ["农民人均纯收入", "rural_income"], ["公共财政预算收入", "fiscal_revenue"], ["来源于我市的公共财政收入", "fiscal_total_revenue"], ["城镇居民登记失业率", "unemployment_registered"], ["实现新增就业", "urban_new_jobs"]] as const) {
      expect(lookupPhrase(phrase, cat, lex).code, phrase).toBe(code);
    }
    expect(lookupPhrase("规模以上工业增加值增速", cat, lex)).toMatchObject({ code: "industrial_va_growth" });
    expect(lookupPhrase("地区生产总值增速", cat, lex)).toMatchObject({ code: "gdp", growth: true });
  });
  it("never names a part of the region, a sector or a group", () => {
    for (const phrase of ["中央一般公共预算收入", "区本级固定资产投资", "前海地区生产总值", "农村贫困人口人均纯收入", "第三产业增加值", "粮食综合生产能力"]) {
      expect(lookupPhrase(phrase, cat, lex).code, phrase).toBeNull();
    }
  });
  it("a growth figure of a level gets the level's growth code; a figure of the wrong kind or unit none", () => {
    const f = (indicator: string, kind: "quantity" | "change" | "rate", unit: string, dimension: string | null) => nameFigure({ indicator, kind, unit, dimension }, cat, lex).names.map((n) => n.code);
    expect(f("地区生产总值", "change", "%", "percent")).toEqual(["gdp_growth"]);
    expect(f("地区生产总值", "quantity", "元", "money")).toEqual(["gdp"]);
    expect(f("地区生产总值", "quantity", "人", "count")).toEqual([]);
    expect(f("城镇化率", "change", "个百分点", "points")).toEqual([]);
    expect(f("居民消费价格", "change", "%", "percent")).toEqual(["cpi"]);
  });
  it("splits a phrase naming several indicators, and keeps one that holds a joiner whole", () => {
    expect(splitPhrase("城乡居民人均可支配收入", lex, cat)).toEqual(["城镇居民人均可支配收入", "农村居民人均可支配收入"]);
    expect(splitPhrase("城镇、农村常住居民人均可支配收入", lex, cat)).toEqual(["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"]);
    expect(splitPhrase("研究与试验发展经费支出与国内生产总值之比", lex, cat)).toHaveLength(1);
    const both = nameFigure({ indicator: "社会消费品零售总额、固定资产投资", kind: "change", unit: "%", dimension: "percent" }, cat, lex);
    expect(both.names.map((n) => n.code)).toEqual(["retail_sales_growth", "fai_growth"]);
  });
  it("records carry indicator_code and its Chinese name", () => {
    const { records } = extract("城镇新增就业1200万人以上，居民消费价格涨幅3%左右。", { doc_id: "t" });
    expect(records.map((r) => [r.indicator_code, r.indicator_name])).toEqual([["urban_new_jobs", "城镇新增就业"], ["cpi", "居民消费价格涨幅"]]);
    expect(extract("新建公园12个。", { doc_id: "t" }).records[0]).toMatchObject({ indicator_code: null, indicator_name: null });
  });
});

describe("a user's catalogue folder", () => {
  const GOOD = `indicators:
  - code: hospital_beds
    name_zh: 每千人口床位数
    name_en: hospital beds per 1000 people
    measure: level
    dimension: count
    direction: up
    forms: [每千人口床位数, 每千人口医疗卫生机构床位数]
    examples:
      - { text: 每千人口床位数达到6.5张。, value: 6.5 }
    counterexamples:
      - 新增床位200张。
`;
  it("adds codes and forms that records and lint use", () => {
    const e = createEngine({ rulesDirs: [catalogueDir(GOOD)] });
    expect(e.rules.catalogue.byCode.get("hospital_beds")?.spec.name_zh).toBe("每千人口床位数");
    expect(lookupPhrase("每千人口医疗卫生机构床位数", e.rules.catalogue, e.rules.lexicon).code).toBe("hospital_beds");
  });
  const problems = (body: string) => {
    try {
      createEngine({ rulesDirs: [catalogueDir(body)] });
    } catch (e) {
      expect(e).toBeInstanceOf(RuleLoadError);
      return (e as RuleLoadError).message;
    }
    throw new Error("loaded without error");
  };
  it("a bad entry names file, line and code", () => {
    expect(problems(GOOD.replace("direction: up", "direction: sideways"))).toMatch(/indicators\/mine\.yaml:7: indicator hospital_beds: indicators\.0\.direction: Invalid option/);
    expect(problems(GOOD.replace("    counterexamples:\n      - 新增床位200张。\n", ""))).toMatch(/mine\.yaml:2: indicator hospital_beds: indicators\.0\.counterexamples/);
    expect(problems(GOOD.replace("code: hospital_beds", "code: Hospital-Beds"))).toMatch(/mine\.yaml:\d+: .*snake_case/);
  });
  it("a code or a form another entry has is refused, never silently replaced", () => {
    expect(problems(GOOD.replace("code: hospital_beds", "code: gdp"))).toMatch(/mine\.yaml:2: indicator gdp: duplicate indicator code/);
    expect(problems(GOOD.replace("forms: [每千人口床位数", "forms: [地区生产总值"))).toMatch(/form '地区生产总值' already names gdp/);
    expect(problems(GOOD.replace("measure: level", "measure: level\n    growth: nothing_here"))).toMatch(/growth: 'nothing_here' is not a growth indicator/);
  });
  it("extract exits 1 on a bad catalogue before any input is read, and writes nothing", () => {
    const d = catalogueDir(GOOD.replace("direction: up", "direction: sideways"));
    const out = join(mkdtempSync(join(tmpdir(), "zhibiao-out-")), "o");
    const r = spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), "extract", "-", "--rules", d, "--out", out, "--quiet"], { cwd: ROOT, encoding: "utf8", input: "" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/mine\.yaml:7: indicator hospital_beds: indicators\.0\.direction/);
    expect(existsSync(out)).toBe(false);
  });
});
