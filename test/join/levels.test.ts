import { describe, expect, it } from "vitest";
import { levels, nearestParent } from "../../src/join/levels.js";
import { parentByCodeStructure } from "../../src/join/parent-code.js";
import { row } from "./helpers.js";
import type { PanelRow } from "../../src/model/panel.js";

const PARENTS: Record<string, string | null> = { "440308": "440300", "440300": "440000", "440000": "000000", "000000": null, "150702": "150700", "150700": "150000", "150000": "000000" };
const parentOf = (c: string) => PARENTS[c] ?? null;
const REGIONS: Record<string, string> = { "000000": "全国", "440000": "广东省", "440300": "广东省深圳市", "440308": "广东省深圳市盐田区", "150702": "内蒙古自治区呼伦贝尔市海拉尔区" };
const target = (code: string, doc_id: string, value: number, extra: Partial<PanelRow> = {}) =>
  row({ doc_id, region_code: code, region: REGIONS[code] ?? code, indicator_code: "gdp_growth", status: "target", period: doc_id.slice(-4), value, ...extra });

describe("levels: a target beside the parent region's target of the same report year", () => {
  it("pairs each level with the next one up, same indicator, period and year, with the difference", () => {
    const rows = [target("440308", "yt_2016", 9), target("440300", "sz_2016", 8.5), target("440000", "gd_2016", 7, { value_max: 7.5, qualifier: "range" }), target("000000", "n_2016", 6.5, { value_max: 7, qualifier: "range" })];
    const pairs = levels(rows, parentOf);
    expect(pairs.map((p) => `${p.doc_id}→${p.parent_doc_id}:${p.difference}`)).toEqual(["gd_2016→n_2016:0.5", "sz_2016→gd_2016:1.5", "yt_2016→sz_2016:0.5"]);
    expect(pairs.find((p) => p.doc_id === "gd_2016")).toMatchObject({
      region: "广东省", region_code: "440000", parent_region: "全国", parent_region_code: "000000", report_year: 2016, indicator_code: "gdp_growth",
      period: "2016", value: 7, value_max: 7.5, parent_value: 6.5, parent_value_max: 7, unit: "%", parent_unit: "%", note: null,
    });
  });

  it("needs the parent's report of the same year: another year is no pair, and is not replaced by the next level up", () => {
    const rows = [target("440308", "yt_2016", 9), target("440300", "sz_2015", 8.5, { period: "2016" }), target("440000", "gd_2016", 7)];
    expect(levels(rows, parentOf).map((p) => `${p.doc_id}→${p.parent_doc_id}`)).toEqual([]);
  });

  it("falls back to the nearest ancestor with reports only when the parent has none at all (unless immediate only)", () => {
    const rows = [target("150702", "hl_2016", 7.5), target("000000", "n_2016", 6.5)];
    expect(nearestParent("150702", parentOf, new Set(["000000"]))).toBe("000000");
    expect(levels(rows, parentOf).map((p) => `${p.doc_id}→${p.parent_doc_id}:${p.difference}`)).toEqual(["hl_2016→n_2016:1"]);
    expect(levels(rows, parentOf, true)).toEqual([]);
  });

  it("skips absent targets, actuals, rows without code or year, and survives a cycle in the parents map", () => {
    const rows = [
      target("440308", "yt_2016", 9),
      target("440300", "sz_2016", 0, { absent: true, value: null }),
      row({ doc_id: "sz_2016", region_code: "440300", indicator_code: "gdp_growth", status: "actual", period: "2016", value: 9 }),
      target("440300", "sz_2016", 8, { region_code: null }),
    ];
    expect(levels(rows, parentOf)).toEqual([]);
    expect(nearestParent("a", (c) => (c === "a" ? "b" : "a"), new Set())).toBeNull();
  });

  it("reads parents from code structure when the regions module is not there", () => {
    expect(parentByCodeStructure("440308")).toBe("440300");
    expect(parentByCodeStructure("440300")).toBe("440000");
    expect(parentByCodeStructure("440000")).toBe("000000");
    expect(parentByCodeStructure("000000")).toBeNull();
    expect(parentByCodeStructure("310151100")).toBe("310151");
    expect(parentByCodeStructure("110101")).toBe("110100");
    expect(parentByCodeStructure("abc")).toBeNull();
  });
});
