import { describe, expect, it } from "vitest";
import { groupStatements, statementColumns, statementColumnZh, statementsToCsv } from "../../src/export/statements.js";
import { KINDS } from "../../src/model/record.js";
import { parseCsv } from "./helpers/parse-csv.js";
import { RECORDS } from "../fixtures/export/records.js";

describe("statements", () => {
  const st = groupStatements(RECORDS);
  const of = (indicator: string | null) => st.filter((s) => s.indicator === indicator);

  it("puts a quantity and the progress on the same indicator side by side", () => {
    const [s] = of("拆除数据库外存量违法建筑");
    expect(s.figures.quantity).toEqual({ value: 2500, value_max: null, unit: "平方米", qualifier: "exact" });
    expect(s.figures.progress?.value).toBe(78);
    expect(s.record_ids).toEqual(["r000", "r001"]);
    expect(of("拆除数据库外存量违法建筑")).toHaveLength(1);
  });

  it("joins a rate and its baseline, a quantity and its change", () => {
    const [rate] = of("先行联系率");
    expect([rate.figures.rate?.value, rate.figures.baseline?.value]).toEqual([100, 96.3]);
    const [tax] = of("税收收入");
    expect([tax.figures.quantity?.value, tax.figures.change?.value, tax.figures.change?.unit]).toEqual([148690000, -36.2, "%"]);
  });

  it("starts a new statement when a kind repeats (来访24批56人 → two rows)", () => {
    expect(of("来访").map((s) => [s.figures.quantity?.value, s.figures.quantity?.unit])).toEqual([[24, "批"], [56, "人"]]);
  });

  it("keeps a record without indicator on its own row", () => {
    const lone = of(null);
    expect(lone).toHaveLength(1);
    expect(lone[0].figures.share?.value).toBe(30);
  });

  it("never loses or duplicates a record", () => {
    const ids = st.flatMap((s) => s.record_ids).sort();
    expect(ids).toEqual(RECORDS.map((r) => r.record_id).sort());
  });

  it("is ordered by document and position and independent of input order", () => {
    expect(groupStatements([...RECORDS].reverse())).toEqual(st);
    const starts = st.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("writes statements.csv with value, max, unit and qualifier for every kind", () => {
    const rows = parseCsv(statementsToCsv(RECORDS).replace(/^\uFEFF/, ""));
    const cols = statementColumns();
    expect(rows[0]).toEqual(cols);
    for (const k of KINDS) expect(cols).toEqual(expect.arrayContaining([k, `${k}_max`, `${k}_unit`, `${k}_qualifier`]));
    const row = rows.find((r) => r[cols.indexOf("indicator")] === "拆除数据库外存量违法建筑") ?? [];
    const at = (c: string) => row[cols.indexOf(c)];
    expect([at("indicator"), at("quantity"), at("quantity_unit"), at("progress"), at("change")]).toEqual(["拆除数据库外存量违法建筑", "2500", "平方米", "78", ""]);
    const grain = rows.find((r) => r[cols.indexOf("indicator")] === "粮食产量") ?? [];
    expect(grain[cols.indexOf("quantity")]).toBe("1370000000000");
    const hyper = rows.find((r) => r[cols.indexOf("indicator")].includes("HYPERLINK")) ?? [];
    expect(hyper[cols.indexOf("indicator")].startsWith("'=")).toBe(true);
    expect(rows).toHaveLength(st.length + 1);
  });

  it("writes Chinese headers with header zh", () => {
    const head = parseCsv(statementsToCsv(RECORDS, { header: "zh" }).replace(/^\uFEFF/, ""))[0];
    expect(head.slice(0, 5)).toEqual(["文档编号", "章节标题", "指标", "状态", "时期"]);
    expect(head).toContain("数量单位");
    expect(statementColumnZh("change_unit")).toBe("变化单位");
    expect(new Set(head).size).toBe(head.length);
  });
});
