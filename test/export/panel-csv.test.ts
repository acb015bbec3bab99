import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatasetWriter } from "../../src/export/dataset.js";
import { panelCsvLines } from "../../src/export/dataset-format.js";
import { PANEL_ZH, panelHeader } from "../../src/export/panel-columns.js";
import { PANEL_COLUMNS, PanelRowSchema } from "../../src/model/panel.js";
import { PANEL } from "../fixtures/export/panel.js";
import { DOCUMENT } from "./helpers/dataset.js";
import { parseCsv } from "./helpers/parse-csv.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** panel.csv and panel.jsonl as an extract writes them for the fixture report. */
async function write(header: "en" | "zh" = "en"): Promise<{ csv: string; jsonl: string }> {
  const dir = mkdtempSync(join(tmpdir(), "zhibiao-panel-"));
  dirs.push(dir);
  const w = await DatasetWriter.open(dir, { header });
  w.add({ records: [], document: DOCUMENT, panel: PANEL });
  await w.close();
  return { csv: readFileSync(join(dir, "panel.csv"), "utf8"), jsonl: readFileSync(join(dir, "panel.jsonl"), "utf8") };
}

describe("panel.csv", async () => {
  const { csv, jsonl } = await write();
  const rows = parseCsv(csv.replace(/^\uFEFF/, ""));
  const col = (c: string) => rows[0]!.indexOf(c);
  const absent = PANEL.findIndex((r) => r.absent) + 1;
  const rowOf = (code: string) => rows.find((r) => r[col("indicator_code")] === code) ?? [];

  it("starts with a UTF-8 BOM and ends every line with CRLF, as records.csv", () => {
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has the header of the panel columns (en), then one row per panel row", () => {
    expect(csv.split("\r\n")[0]).toBe("\uFEFF" + PANEL_COLUMNS.join(","));
    expect(rows[0]).toEqual(PANEL_COLUMNS);
    expect(rows).toHaveLength(PANEL.length + 1);
    expect(rows.slice(1).map((r) => r[col("indicator_code")])).toEqual(PANEL.map((r) => r.indicator_code));
  });

  it("writes the Chinese names with header zh (the same data rows)", async () => {
    const zh = await write("zh");
    const header = zh.csv.split("\r\n")[0]!.replace("\uFEFF", "").split(",");
    expect(header).toEqual(PANEL_COLUMNS.map((c) => PANEL_ZH[c]));
    expect(header).toEqual(panelHeader("zh"));
    for (const h of header) expect(h).toMatch(/[\u4e00-\u9fff]/);
    expect(new Set(header).size).toBe(PANEL_COLUMNS.length);
    expect(header.slice(5, 7)).toEqual(["指标代码", "指标名称"]);
    expect(zh.csv.slice(zh.csv.indexOf("\r\n"))).toBe(csv.slice(csv.indexOf("\r\n")));
  });

  it("leaves value, value_max, unit, qualifier and record_id empty on an absent row, absent true", () => {
    const r = rows[absent]!;
    expect(r[col("absent")]).toBe("true");
    for (const c of ["value", "value_max", "unit", "qualifier", "conflict", "record_id"]) expect(r[col(c)], c).toBe("");
    expect(r[col("status")]).toBe("target");
    expect(r[col("raw")]).toBe("不提出具体增长目标");
    expect(rowOf("tax_revenue")[col("absent")]).toBe("false");
  });

  it("writes numbers plainly and unquoted (no exponent, a fall negative)", () => {
    const lines = csv.split("\r\n");
    const line = (code: string) => lines.find((l) => l.includes(`,${code},`)) ?? "";
    expect(line("tax_revenue")).toContain(",148690000,,元,exact,false,");
    expect(line("tax_revenue_growth")).toContain(",-36.2,,%,exact,false,");
    expect(line("grain_output")).toContain(",1370000000000,,斤,");
    expect(line("tax_revenue")).toContain(",2023,tax_revenue,");
    expect(csv).not.toMatch(/\d[eE][+-]?\d/);
    expect(csv).not.toMatch(/"-?\d+(\.\d+)?"/);
    expect(rowOf("grain_output")[col("value")]).toBe("1370000000000");
  });

  it("quotes a cell holding a comma or a quote (RFC 4180), and it reads back whole", () => {
    expect(csv).toContain('"下半年不提出""具体增长目标"",稳字当头。"');
    expect(rows[absent]![col("sentence")]).toBe('下半年不提出"具体增长目标",稳字当头。');
    expect(rowOf("tax_revenue")[col("sentence")]).toBe(PANEL[0]!.sentence);
  });

  it("panelCsvLines gives the rows without header; panel.jsonl has one valid row a line, keys in column order", () => {
    expect(panelCsvLines(PANEL)).toBe(csv.slice(csv.indexOf("\r\n") + 2));
    expect(panelCsvLines([])).toBe("");
    const lines = jsonl.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(PANEL.length);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(PANEL_COLUMNS);
      expect(PanelRowSchema.safeParse(l).success).toBe(true);
    }
    expect(lines.find((l) => l.absent)?.value).toBeNull();
  });
});
