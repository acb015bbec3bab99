import { describe, expect, it } from "vitest";
import { attainment } from "../../src/join/attainment.js";
import { isMet, panelDirection } from "../../src/join/direction.js";
import { flagDuplicates } from "../../src/join/duplicates.js";
import { row } from "./helpers.js";

const t = (doc_id: string, indicator_code: string, period: string, value: number, extra = {}) => row({ doc_id, indicator_code, status: "target", period, value, ...extra });
const a = (doc_id: string, indicator_code: string, period: string, value: number, extra = {}) => row({ doc_id, indicator_code, status: "actual", period, value, ...extra });

describe("attainment: a target beside the actual of the first later report of the region", () => {
  it("pairs a target with the actual the next report gives for its period, with gap and met", () => {
    const rows = [t("n_2015", "gdp_growth", "2015", 7, { qualifier: "approx" }), a("n_2016", "gdp_growth", "2015", 6.9), a("n_2016", "gdp_growth", "2016", 6.7)];
    const [pair, ...rest] = attainment(rows, panelDirection);
    expect(rest).toEqual([]);
    expect(pair).toMatchObject({
      region: "全国", region_code: "000000", indicator_code: "gdp_growth", period: "2015", target_value: 7, target_qualifier: "approx",
      target_doc_id: "n_2015", actual_value: 6.9, actual_doc_id: "n_2016", gap: -0.1, met: false, direction: "up", note: null,
    });
    expect(pair?.target_record_id).toBe("n_2015:gdp_growth:target");
  });

  it("takes the first later report that reviews the period, never the same or an earlier one", () => {
    const rows = [
      a("n_2014", "cpi", "2015", 1), // earlier report: not a review of 2015
      t("n_2015", "cpi", "2015", 3),
      a("n_2015", "cpi", "2015", 2), // same report year
      a("n_2018", "cpi", "2015", 1.5),
      a("n_2017", "cpi", "2015", 1.4),
    ];
    const pairs = attainment(rows, panelDirection);
    expect(pairs.map((p) => p.actual_doc_id)).toEqual(["n_2017"]);
    expect(pairs[0]?.met).toBe(true);
  });

  it("decides met by direction: up ≥ target, cap ≤ top of a range, down ≤ target", () => {
    expect(isMet("up", 6.5, 6.5, 7)).toBe(true);
    expect(isMet("up", 6.4, 6.5, null)).toBe(false);
    expect(isMet("cap", 3.2, 3, 3.5)).toBe(true);
    expect(isMet("cap", 3.6, 3, 3.5)).toBe(false);
    expect(isMet("down", -3.1, -3, null)).toBe(true);
    expect(isMet("down", -2.9, -3, null)).toBe(false);
    const rows = [
      t("n_2019", "gdp_growth", "2019", 6, { value_max: 6.5, qualifier: "range" }), a("n_2020", "gdp_growth", "2019", 6.1),
      t("n_2019", "unemployment_surveyed", "2019", 5.5), a("n_2020", "unemployment_surveyed", "2019", 5.6),
      t("n_2019", "energy_intensity_change", "2019", -3), a("n_2020", "energy_intensity_change", "2019", -2.6),
    ];
    const by = Object.fromEntries(attainment(rows, panelDirection).map((p) => [p.indicator_code, p]));
    expect(by.gdp_growth).toMatchObject({ gap: 0.1, met: true, direction: "up", target_value_max: 6.5 });
    expect(by.unemployment_surveyed).toMatchObject({ met: false, direction: "cap" });
    expect(by.energy_intensity_change).toMatchObject({ gap: 0.4, met: false, direction: "down" });
  });

  it("takes the direction from the function it is given", () => {
    const rows = [t("n_2015", "my_code", "2015", 10), a("n_2016", "my_code", "2015", 8)];
    expect(attainment(rows, () => "cap")[0]?.met).toBe(true);
    expect(attainment(rows, () => "up")[0]?.met).toBe(false);
  });

  it("skips absent targets, rows without a year, and keeps regions apart (code, or the region string without one)", () => {
    const rows = [
      row({ doc_id: "n_2020", indicator_code: "gdp_growth", status: "target", period: "2020", absent: true, value: null, unit: null, qualifier: null }),
      a("n_2021", "gdp_growth", "2020", 2.3),
      t("x_2015", "gdp_growth", "2015", 8, { report_year: null }),
      a("x_2016", "gdp_growth", "2015", 8),
      t("g_2015", "gdp_growth", "2015", 8, { region: "广东省", region_code: "440000" }),
      a("s_2016", "gdp_growth", "2015", 9, { region: "深圳市", region_code: "440300" }),
      t("h_2015", "gdp_growth", "2015", 8, { region: "海拉尔区", region_code: null }),
      a("h_2016", "gdp_growth", "2015", 8.9, { region: "海拉尔区", region_code: null }),
    ];
    const pairs = attainment(rows, panelDirection);
    expect(pairs.map((p) => `${p.target_doc_id}→${p.actual_doc_id}`)).toEqual(["h_2015→h_2016"]);
    expect(pairs[0]).toMatchObject({ region: "海拉尔区", region_code: null });
  });

  it("keeps both actuals when two reports of the later year give one, each pair noted; a unit that differs is noted", () => {
    const rows = flagDuplicates([
      t("n_2015", "gdp_growth", "2015", 7),
      a("n_2016", "gdp_growth", "2015", 6.9),
      a("n_2016b", "gdp_growth", "2015", 6.8, { report_year: 2016 }),
      t("n_2015", "grain_output", "2015", 1.1e12, { unit: "斤" }),
      a("n_2016", "grain_output", "2015", 6.2e8, { unit: "吨" }),
    ]);
    const pairs = attainment(rows, panelDirection);
    const gdp = pairs.filter((p) => p.indicator_code === "gdp_growth");
    expect(gdp.map((p) => p.actual_doc_id)).toEqual(["n_2016", "n_2016b"]);
    expect(gdp[0]?.note).toBe("actual also in n_2016b (differs: n_2016b: 6.8 % exact)");
    expect(gdp[1]?.note).toBe("actual also in n_2016 (differs: n_2016: 6.9 % exact)");
    const grain = pairs.find((p) => p.indicator_code === "grain_output");
    expect(grain).toMatchObject({ target_unit: "斤", actual_unit: "吨", note: "units differ: 斤 vs 吨" });
  });
});
