import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseFormats, writeDataset } from "../../src/export/dataset.js";
import { ColumnError } from "../../src/export/columns.js";
import { DATASET } from "./helpers/dataset.js";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "zhibiao-dataset-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("writeDataset", () => {
  it("writes records, statements, documents, diagnostics and the panel by default, no xlsx", async () => {
    const dir = tmp();
    const paths = await writeDataset(dir, DATASET);
    expect(readdirSync(dir).sort()).toEqual(["diagnostics.jsonl", "documents.csv", "documents.jsonl", "panel.csv", "panel.jsonl", "records.csv", "records.jsonl", "statements.csv"]);
    expect(paths).toHaveLength(8);
    expect(readFileSync(join(dir, "records.jsonl"), "utf8").trim().split("\n")).toHaveLength(DATASET.records.length);
  });

  it("adds records.xlsx with formats xlsx and applies columns and header to CSV and XLSX", async () => {
    const dir = tmp();
    const paths = await writeDataset(dir, DATASET, { formats: ["xlsx"], columns: ["indicator", "value"], header: "zh" });
    expect(paths.map((p) => p.slice(dir.length + 1))).toContain("records.xlsx");
    expect(readFileSync(join(dir, "records.csv"), "utf8").split("\r\n")[0]).toBe("\uFEFF指标,数值");
    expect(readFileSync(join(dir, "statements.csv"), "utf8").split("\r\n")[0]).toMatch(/^\uFEFF文档编号,章节标题,指标/);
    expect(readFileSync(join(dir, "records.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("puts every file in place together when the promise settles (temporaries until then)", async () => {
    const dir = tmp();
    const pending = writeDataset(dir, DATASET, { formats: ["xlsx"] });
    expect(readdirSync(dir).filter((f) => !f.endsWith(".tmp"))).toEqual([]);
    await pending;
    expect(readdirSync(dir).sort()).toEqual(["diagnostics.jsonl", "documents.csv", "documents.jsonl", "panel.csv", "panel.jsonl", "records.csv", "records.jsonl", "records.xlsx", "statements.csv"]);
  });

  it("rejects unknown formats, columns and header languages before writing anything", async () => {
    const dir = tmp();
    await expect(writeDataset(dir, DATASET, { formats: ["pdf"] })).rejects.toThrow(/unknown format 'pdf'/);
    await expect(writeDataset(dir, DATASET, { columns: ["nope"] })).rejects.toThrow(ColumnError);
    await expect(writeDataset(dir, DATASET, { header: "fr" as "zh" })).rejects.toThrow(/unknown header language 'fr'/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("parses --format values given repeated or comma-separated", () => {
    expect(parseFormats(["csv,XLSX", "xlsx"])).toEqual(["csv", "xlsx"]);
    expect(parseFormats()).toEqual([]);
  });
});
