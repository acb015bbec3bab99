import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { cellXml, columnName, writePanelXlsx, xmlText } from "../../src/export/panel-xlsx.js";
import { crc32 } from "../../src/export/zip-writer.js";
import { csvChunks } from "../../src/export/panel-files.js";
import { panelCodebook } from "../../src/export/panel-codebook.js";
import { joinPanel } from "../../src/join/join.js";
import { panelDirection } from "../../src/join/direction.js";
import { JOINED_PANEL_COLUMNS } from "../../src/model/join.js";
import { findBinary } from "../export/helpers/binaries.js";
import { parseCsv } from "../export/helpers/parse-csv.js";
import { goldPanelRows, goldParents, tempDir } from "./helpers.js";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SOFFICE = findBinary("panel.xlsx in LibreOffice", ["soffice", "libreoffice"], "apt-get install -y libreoffice-calc");

describe("panel.xlsx: SpreadsheetML in a streamed zip", () => {
  it("writes cells by type, at their reference, text escaped", () => {
    expect(columnName(0)).toBe("A");
    expect(columnName(25)).toBe("Z");
    expect(columnName(27)).toBe("AB");
    expect(cellXml(null, "A1")).toBe("");
    expect(cellXml(126000000000000, "B2")).toBe('<c r="B2" s="1"><v>126000000000000</v></c>');
    expect(cellXml(-0.1, "C2")).toBe('<c r="C2"><v>-0.1</v></c>');
    expect(cellXml(true, "D2")).toBe('<c r="D2" t="b"><v>1</v></c>');
    expect(cellXml(" 国内<生产>总值&\u0001", "E2")).toBe('<c r="E2" t="inlineStr"><is><t xml:space="preserve"> 国内&lt;生产&gt;总值&amp;</t></is></c>');
    expect(xmlText('a"b')).toBe("a&quot;b");
    expect(crc32(Buffer.from("a"))).toBe(0xe8b7be43);
  });

  it("is the same bytes for the same data", async () => {
    const rows = [{ a: 1, b: "x" }];
    await writePanelXlsx(join(dir, "a.xlsx"), [{ name: "t", columns: ["a", "b"], rows }], []);
    await writePanelXlsx(join(dir, "b.xlsx"), [{ name: "t", columns: ["a", "b"], rows }], []);
    expect(readFileSync(join(dir, "a.xlsx"))).toEqual(readFileSync(join(dir, "b.xlsx")));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "a.xlsx"));
    expect(wb.getWorksheet("t")?.getRow(2).values).toEqual([undefined, 1, "x"]);
  });

  describe.skipIf(!SOFFICE)("opened in LibreOffice Calc", () => {
    it("holds the panel of the gold reports cell for cell as panel.csv", async () => {
      const parents = goldParents();
      const result = joinPanel(goldPanelRows(), { directionOf: panelDirection, parentOf: (c) => parents.get(c) ?? null });
      const table = { columns: JOINED_PANEL_COLUMNS, rows: result.panel };
      await writePanelXlsx(join(dir, "panel.xlsx"), [{ name: "panel", ...table }], panelCodebook([], new Map()));
      execFileSync(SOFFICE ?? "soffice", [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--norestore", "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", join(dir, "lo"), join(dir, "panel.xlsx")], { timeout: 120_000, stdio: "ignore" });
      const fromXlsx = parseCsv(readFileSync(join(dir, "lo", "panel-panel.csv"), "utf8").replace(/\r?\n/g, "\r\n"));
      const fromCsv = parseCsv([...csvChunks(table)].join("").slice(1));
      expect(fromXlsx.length).toBe(fromCsv.length);
      const bool = (s: string) => (s === "TRUE" ? "true" : s === "FALSE" ? "false" : s);
      // numbers as LibreOffice writes them in full precision, booleans in its own words
      expect(fromXlsx.map((r) => r.map(bool))).toEqual(fromCsv);
    });
  });
});
