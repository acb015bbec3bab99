import { describe, expect, it } from "vitest";
import { flagDuplicates } from "../../src/join/duplicates.js";
import { sortPanel } from "../../src/join/sort.js";
import { row } from "./helpers.js";

describe("two reports of one region and year: both kept, flagged", () => {
  it("names the other report, and what it gives when it differs", () => {
    const a = row({ doc_id: "n_2016", indicator_code: "gdp_growth", status: "target", period: "2016", value: 7, value_max: 7.5, qualifier: "range" });
    const b = row({ doc_id: "n_2016_pdf", report_year: 2016, indicator_code: "gdp_growth", status: "target", period: "2016", value: 6.5, qualifier: "approx" });
    const c = row({ doc_id: "n_2016_pdf", report_year: 2016, indicator_code: "cpi", status: "target", period: "2016", value: 3 });
    const d = row({ doc_id: "n_2016", indicator_code: "cpi", status: "target", period: "2016", value: 3 });
    const e = row({ doc_id: "n_2017", indicator_code: "gdp_growth", status: "target", period: "2016", value: 6 });
    const out = flagDuplicates([a, b, c, d, e]);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ doc_id: "n_2016", value: 7, duplicate_of: "n_2016_pdf", duplicate_conflict: "n_2016_pdf: 6.5 % approx" });
    expect(out[1]).toMatchObject({ doc_id: "n_2016_pdf", value: 6.5, duplicate_of: "n_2016", duplicate_conflict: "n_2016: 7–7.5 % range" });
    expect(out[2]).toMatchObject({ duplicate_of: "n_2016", duplicate_conflict: null });
    expect(out[3]).toMatchObject({ duplicate_of: "n_2016_pdf", duplicate_conflict: null });
    // another report year is no duplicate (a later report restating a target)
    expect(out[4]).toMatchObject({ duplicate_of: null, duplicate_conflict: null });
    expect(a).not.toHaveProperty("duplicate_of");
  });

  it("sorts the joined panel by region_code, period, doc_id, indicator_code, status", () => {
    const rows = [
      row({ doc_id: "g_2016", region_code: "440000", indicator_code: "gdp", status: "target", period: "2016" }),
      row({ doc_id: "n_2016", indicator_code: "gdp_growth", status: "target", period: "2016" }),
      row({ doc_id: "n_2016", indicator_code: "gdp_growth", status: "actual", period: "2015" }),
      row({ doc_id: "x_2016", region_code: null, indicator_code: "gdp", status: "target", period: "2016" }),
      row({ doc_id: "n_2016", indicator_code: "cpi", status: "target", period: "2016" }),
    ];
    expect(sortPanel(rows).map((r) => `${r.region_code}/${r.period}/${r.doc_id}/${r.indicator_code}/${r.status}`)).toEqual([
      "000000/2015/n_2016/gdp_growth/actual",
      "000000/2016/n_2016/cpi/target",
      "000000/2016/n_2016/gdp_growth/target",
      "440000/2016/g_2016/gdp/target",
      "null/2016/x_2016/gdp/target",
    ]);
  });
});
