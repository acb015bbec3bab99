import { describe, expect, it } from "vitest";
import { codeOrder, mainUnits, wide } from "../../src/join/wide.js";
import { flagDuplicates } from "../../src/join/duplicates.js";
import { sortPanel } from "../../src/join/sort.js";
import { row } from "./helpers.js";

describe("wide: one row per region × period", () => {
  const rows = [
    row({ doc_id: "n_2015", indicator_code: "gdp_growth", status: "target", period: "2015", value: 7 }),
    row({ doc_id: "n_2016", indicator_code: "gdp_growth", status: "actual", period: "2015", value: 6.9 }),
    row({ doc_id: "n_2017", indicator_code: "gdp_growth", status: "actual", period: "2015", value: 6.7 }),
    row({ doc_id: "n_2016", indicator_code: "cpi", status: "target", period: "2016", value: 3 }),
    row({ doc_id: "n_2020", indicator_code: "gdp_growth", status: "target", period: "2020", absent: true, value: null, unit: null, qualifier: null }),
    row({ doc_id: "n_2016", indicator_code: "gdp", status: "actual", period: "2015", value: 6.77e13, unit: "元" }),
    row({ doc_id: "n_2017", indicator_code: "gdp", status: "actual", period: "2016", value: 7.44e13, unit: "元" }),
    row({ doc_id: "n_2017", indicator_code: "gdp", status: "target", period: "2017", value: 1.1e13, unit: "美元" }),
    row({ doc_id: "g_2016", region: "广东省", region_code: "440000", level: "provincial", indicator_code: "gdp_growth", status: "target", period: "2016", value: 7 }),
    row({ doc_id: "x_2016", region: null, region_code: null, indicator_code: "gdp_growth", status: "target", period: "2016", value: 7 }),
  ];

  it("has the key columns, then <code>_target and <code>_actual in the order given (others by code), then notes", () => {
    const table = wide(rows, ["gdp", "gdp_growth"]);
    expect(table.columns).toEqual(["region", "region_code", "level", "period", "gdp_target", "gdp_actual", "gdp_growth_target", "gdp_growth_actual", "cpi_target", "cpi_actual", "notes"]);
    expect(codeOrder(["b", "a", "c"], ["c"])).toEqual(["c", "a", "b"]);
    expect(table.units).toMatchObject({ gdp_target: "元", gdp_actual: "元", gdp_growth_target: "%" });
    expect(mainUnits(rows).get("gdp")).toBe("元");
  });

  it("holds the first report's value of a cell, and notes other values, other units and absent targets", () => {
    const table = wide(sortPanel(flagDuplicates(rows)), ["gdp", "gdp_growth"]);
    const at = (code: string | null, period: string) => table.rows.find((r) => r.region_code === code && r.period === period);
    expect(at("000000", "2015")).toMatchObject({ region: "全国", level: "national", gdp_growth_target: 7, gdp_growth_actual: 6.9, gdp_actual: 67700000000000, cpi_target: null });
    expect(at("000000", "2015")?.notes).toBe("gdp_growth_actual: n_2017 gives 6.7 (n_2016: 6.9)");
    expect(at("000000", "2017")).toMatchObject({ gdp_target: null, notes: "gdp_target: n_2017 gives 11000000000000 美元 exact (column in 元)" });
    expect(at("000000", "2020")).toMatchObject({ gdp_growth_target: null, notes: "gdp_growth_target: n_2020 sets no target" });
    expect(at("440000", "2016")).toMatchObject({ region: "广东省", level: "provincial", gdp_growth_target: 7 });
    // rows without any region are left out; rows sorted by region code, then period
    expect(table.rows.map((r) => `${r.region_code}/${r.period}`)).toEqual(["000000/2015", "000000/2016", "000000/2017", "000000/2020", "440000/2016"]);
  });
});
