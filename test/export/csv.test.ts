import { describe, expect, it } from "vitest";
import { parseCsv } from "./helpers/parse-csv.js";
import { recordsToCsv, tableToCsv } from "../../src/export/csv.js";
import { plainNumber } from "../../src/export/number.js";
import { escapeFormula } from "../../src/export/cell.js";
import { ColumnError, parseColumns } from "../../src/export/columns.js";
import { RECORD_COLUMNS } from "../../src/model/record.js";
import { RECORDS } from "../fixtures/export/records.js";

const rowsOf = (csv: string): string[][] => parseCsv(csv.replace(/^\uFEFF/, ""));

describe("records.csv", () => {
  const csv = recordsToCsv(RECORDS);
  const rows = rowsOf(csv);
  const col = (name: string) => rows[0].indexOf(name);
  const rowOf = (raw: string) => rows.find((r) => r[col("raw")] === raw) ?? [];

  it("starts with a UTF-8 BOM and ends lines with CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")[0].replace("\uFEFF", "")).toBe(RECORD_COLUMNS.join(","));
  });

  it("has one header of snake_case names from the schema, then one row per record", () => {
    expect(rows[0]).toEqual(RECORD_COLUMNS);
    for (const name of rows[0]) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(rows).toHaveLength(RECORDS.length + 1);
  });

  it("writes numbers plainly, without exponent or separators, and keeps negative numbers unescaped", () => {
    expect(rowOf("14869 万元")[col("value")]).toBe("148690000");
    expect(rowOf("1.37万亿斤")[col("value")]).toBe("1370000000000");
    expect(rowOf("1.37万亿斤")[col("si_value")]).toBe("685000000000");
    expect(rowOf("36.2%")[col("value")]).toBe("-36.2");
    expect(rowOf("96.3%")[col("value")]).toBe("96.3");
    expect(csv).not.toMatch(/\de[+-]?\d/i);
  });

  it("leaves null cells empty and writes booleans as true/false", () => {
    const r = rowOf("30%");
    expect(r[col("indicator")]).toBe("");
    expect(r[col("value_max")]).toBe("");
    expect(r[col("period_inferred")]).toBe("true");
    expect(rowOf("95%")[col("period_inferred")]).toBe("false");
  });

  it("quotes per RFC 4180: commas, doubled quotes and line breaks survive a round trip", () => {
    expect(rowOf("30%")[col("topic")]).toBe("'-占比, \"全镇\"\n第二行");
    expect(csv).toContain('"\'-占比, ""全镇""\n第二行"');
    expect(rowOf("14869 万元")[col("sentence")]).toBe("税收收入 14869 万元，同比减少 36.2%。");
  });

  it("escapes text cells that a spreadsheet would run as a formula", () => {
    expect(rowOf("12 个")[col("indicator")]).toBe("'=HYPERLINK(\"http://x\")专项整治覆盖村");
    for (const s of ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(escapeFormula(s)).toBe(`'${s}`);
    for (const s of ["税收", "1-2", "a=b", "'x"]) expect(escapeFormula(s)).toBe(s);
  });

  it("picks and orders columns, accepting Chinese names, and rejects unknown ones", () => {
    const picked = rowsOf(recordsToCsv(RECORDS, { columns: ["indicator", "数值", "unit"] }));
    expect(picked[0]).toEqual(["indicator", "value", "unit"]);
    expect(picked[1]).toEqual(["拆除数据库外存量违法建筑", "2500", "平方米"]);
    expect(parseColumns("doc_id, value，unit")).toEqual(["doc_id", "value", "unit"]);
    expect(() => recordsToCsv(RECORDS, { columns: ["value", "nope"] })).toThrow(ColumnError);
    expect(() => parseColumns("valu")).toThrow(/unknown column 'valu'; columns are: doc_id/);
  });

  it("writes Chinese column names from the codebook with header zh", () => {
    const zh = rowsOf(recordsToCsv(RECORDS, { columns: ["indicator", "value", "unit", "kind"], header: "zh" }));
    expect(zh[0]).toEqual(["指标", "数值", "单位", "类别"]);
    const all = rowsOf(recordsToCsv(RECORDS, { header: "zh" }))[0];
    expect(new Set(all).size).toBe(RECORD_COLUMNS.length);
    for (const h of all) expect(h).toMatch(/[\u4e00-\u9fff]/);
  });

  it("still accepts a column list as second argument (the old signature)", () => {
    expect(rowsOf(recordsToCsv(RECORDS, ["raw", "value"]))[0]).toEqual(["raw", "value"]);
  });

  it("writes a header alone for no records", () => {
    expect(tableToCsv(["a", "b"], [])).toBe("\uFEFFa,b\r\n");
  });
});

describe("plainNumber", () => {
  it.each([
    [148690000, "148690000"],
    [1.37e12, "1370000000000"],
    [1.21e14, "121000000000000"],
    [1e21, "1000000000000000000000"],
    [1.5e-7, "0.00000015"],
    [-2.5e-7, "-0.00000025"],
    [-36.2, "-36.2"],
    [0.1, "0.1"],
    [-0, "0"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
  ])("%s → %s", (n, s) => {
    expect(plainNumber(n)).toBe(s);
    if (s) expect(Number(s)).toBe(n === 0 ? 0 : n);
  });
});
