import { PANEL_COLUMNS } from "../../src/model/panel.js";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { datasetToXlsx } from "../../src/export/xlsx.js";
import { RECORD_COLUMNS } from "../../src/model/record.js";
import { DocumentRecordSchema } from "../../src/model/document.js";
import { DATASET } from "./helpers/dataset.js";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe("records.xlsx", async () => {
  const bytes = await datasetToXlsx(DATASET);
  const wb = await load(bytes);
  const records = wb.getWorksheet("records");
  if (!records) throw new Error("no records sheet");
  const header = (records.getRow(1).values as unknown[]).slice(1);
  const rowOf = (raw: string) => {
    for (let r = 2; r <= records.rowCount; r++) if (records.getCell(r, header.indexOf("raw") + 1).value === raw) return records.getRow(r);
    throw new Error(`no row for ${raw}`);
  };
  const cell = (raw: string, col: string) => rowOf(raw).getCell(header.indexOf(col) + 1);

  it("has the sheets records, panel, documents and codebook", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["records", "panel", "documents", "codebook"]);
  });

  it("has a header of the schema's columns and one row per record", () => {
    expect(header).toEqual(RECORD_COLUMNS);
    expect(records.rowCount).toBe(DATASET.records.length + 1);
  });

  it("types cells: numbers as numbers, booleans as booleans, nulls empty, text as text (no formulas)", () => {
    expect(cell("14869 万元", "value").value).toBe(148690000);
    expect(cell("1.37万亿斤", "value").value).toBe(1.37e12);
    expect(cell("36.2%", "value").value).toBe(-36.2);
    expect(cell("14869 万元", "start").type).toBe(ExcelJS.ValueType.Number);
    expect(cell("14869 万元", "period_inferred").value).toBe(true);
    expect(cell("95%", "period_inferred").value).toBe(false);
    expect(cell("30%", "indicator").type).toBe(ExcelJS.ValueType.Null);
    const hyper = cell("12 个", "indicator");
    expect(hyper.type).toBe(ExcelJS.ValueType.String);
    expect(hyper.value).toBe('=HYPERLINK("http://x")专项整治覆盖村');
    expect(cell("1.37万亿斤", "value").numFmt).toBe("0");
  });

  it("freezes the header, sets an autofilter over it and sizes columns to their content", () => {
    expect(records.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(records.autoFilter).toBe(`A1:${records.getColumn(RECORD_COLUMNS.length).letter}1`);
    const width = (c: string) => records.getColumn(header.indexOf(c) + 1).width ?? 0;
    expect(width("sentence")).toBe(60);
    expect(width("kind")).toBeLessThan(width("indicator"));
    expect(width("start")).toBeGreaterThanOrEqual(6);
    expect(records.getRow(1).font?.bold).toBe(true);
  });

  it("lists documents and the codebook", () => {
    const docs = wb.getWorksheet("documents");
    expect((docs?.getRow(1).values as unknown[]).slice(1)).toEqual(Object.keys(DocumentRecordSchema.shape));
    expect(docs?.getCell(2, 1).value).toBe(DATASET.documents[0].doc_id);
    const cb = wb.getWorksheet("codebook");
    // the record columns, then the panel's as panel.<column>, each with its type
    expect(cb?.rowCount).toBe(RECORD_COLUMNS.length + PANEL_COLUMNS.length + 1);
    expect(cb?.getCell(2, 1).value).toBe("doc_id");
    expect(cb?.getCell(2, 2).value).toBe("文档编号");
    const valueRow = RECORD_COLUMNS.length + 2 + PANEL_COLUMNS.indexOf("value");
    expect([cb?.getCell(valueRow, 1).value, cb?.getCell(valueRow, 3).value, cb?.getCell(valueRow, 4).value]).toEqual(["panel.value", "number", true]);
  });

  it("follows the column choice and the Chinese header", async () => {
    const zh = await load(await datasetToXlsx(DATASET, { columns: ["indicator", "value", "unit"], header: "zh" }));
    const sheet = zh.getWorksheet("records");
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(["指标", "数值", "单位"]);
    expect((sheet?.getRow(2).values as unknown[]).slice(1)).toEqual(["拆除数据库外存量违法建筑", 2500, "平方米"]);
  });

  it("is byte-identical from run to run (no clock in the file)", async () => {
    const again = await datasetToXlsx(DATASET);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
