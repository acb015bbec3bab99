import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDataset } from "../../src/export/dataset.js";
import { RECORD_COLUMNS } from "../../src/model/record.js";
import { DATASET } from "./helpers/dataset.js";
import { findBinary } from "./helpers/binaries.js";
import { parseCsv } from "./helpers/parse-csv.js";
import { readFods } from "./helpers/fods.js";
import { RECORDS } from "../fixtures/export/records.js";

const SOFFICE = findBinary("LibreOffice round trip", ["soffice", "libreoffice"], "apt-get install -y libreoffice-calc fonts-noto-cjk");
/** CSV import/export options: comma, double quote, UTF-8 (76), from line 1. */
const CSV_UTF8 = "44,34,76,1";
/** CSV export of every sheet (…,-1 → one file per sheet), values in full precision rather than as shown. */
const CSV_OUT_ALL_SHEETS = `csv:Text - txt - csv (StarCalc):${CSV_UTF8},,0,false,true,false,false,false,-1`;
const CSV_OUT = `csv:Text - txt - csv (StarCalc):${CSV_UTF8},,0,false,true,false,false,false`;

describe.skipIf(!SOFFICE)("records.csv and records.xlsx opened in LibreOffice Calc", () => {
  let dir = "";
  const soffice = (args: string[]) =>
    execFileSync(SOFFICE ?? "soffice", [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--norestore", ...args], {
      cwd: dir, timeout: 120_000, stdio: ["ignore", "pipe", "pipe"],
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "zhibiao-lo-"));
    await writeDataset(dir, DATASET, { formats: ["xlsx"] });
    soffice(["--infilter=CSV:" + CSV_UTF8, "--convert-to", "fods", "--outdir", join(dir, "fods"), join(dir, "records.csv")]);
    soffice(["--infilter=CSV:" + CSV_UTF8, "--convert-to", CSV_OUT, "--outdir", join(dir, "csv"), join(dir, "records.csv")]);
    soffice(["--convert-to", CSV_OUT_ALL_SHEETS, "--outdir", join(dir, "xlsx"), join(dir, "records.xlsx")]);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const col = (name: string) => RECORD_COLUMNS.indexOf(name as (typeof RECORD_COLUMNS)[number]);

  it("reads records.csv with Chinese text, numbers as numbers and formula-like text as text", () => {
    const rows = readFods(readFileSync(join(dir, "fods", "records.fods"), "utf8"));
    expect(rows[0].slice(0, RECORD_COLUMNS.length).map((c) => c.value)).toEqual(RECORD_COLUMNS);
    expect(rows).toHaveLength(RECORDS.length + 1);
    RECORDS.forEach((r, i) => {
      const row = rows[i + 1];
      // A raw that is only a percentage ("78%") is turned into the number 0.78 by the CSV import of any
      // spreadsheet (docs/outputs.md says so; records.xlsx keeps it as text, checked below).
      if (/^[\d.]+%$/.test(r.raw)) {
        expect(row[col("raw")].type).toBe("percentage");
        expect(Number(row[col("raw")].value)).toBeCloseTo(Number.parseFloat(r.raw) / 100, 12);
      } else expect(row[col("raw")]).toMatchObject({ type: "string", value: r.raw });
      expect(row[col("sentence")].value).toBe(r.sentence);
      expect(row[col("value")], r.raw).toEqual({ type: "float", value: String(r.value), formula: null });
      expect(row[col("start")].type).toBe("float");
      expect(row[col("period_inferred")]).toMatchObject({ type: "boolean", value: String(r.period_inferred) });
      if (r.indicator === null) expect(row[col("indicator")].type).toBe("empty");
    });
    const hyper = rows[RECORDS.findIndex((r) => r.raw === "12 个") + 1][col("indicator")];
    expect(hyper).toEqual({ type: "string", value: "'=HYPERLINK(\"http://x\")专项整治覆盖村", formula: null });
    const multi = rows[RECORDS.findIndex((r) => r.raw === "30%") + 1][col("topic")];
    expect(multi.value).toBe("'-占比, \"全镇\"\n第二行");
  });

  it("writes records.csv back as UTF-8 with the same Chinese text and full numbers", () => {
    const rows = parseCsvLoose(readFileSync(join(dir, "csv", "records.csv"), "utf8"));
    const byRaw = new Map(rows.slice(1).map((r) => [r[col("raw")], r]));
    expect(byRaw.get("14869 万元")?.[col("value")]).toBe("148690000");
    expect(byRaw.get("1.37万亿斤")?.[col("value")]).toBe("1370000000000");
    expect(byRaw.get("36.2%")?.[col("value")]).toBe("-36.2");
    expect(byRaw.get("2500 平方米")?.[col("indicator")]).toBe("拆除数据库外存量违法建筑");
  });

  it("opens records.xlsx: three sheets, Chinese text and numbers intact", () => {
    const records = parseCsvLoose(readFileSync(join(dir, "xlsx", "records-records.csv"), "utf8"));
    expect(records[0]).toEqual(RECORD_COLUMNS);
    RECORDS.forEach((r, i) => {
      expect(records[i + 1][col("raw")]).toBe(r.raw);
      expect(records[i + 1][col("indicator")]).toBe(r.indicator ?? "");
      expect(Number(records[i + 1][col("value")])).toBe(r.value);
    });
    expect(records[RECORDS.findIndex((r) => r.raw === "1.37万亿斤") + 1][col("value")]).toBe("1370000000000");
    const docs = parseCsvLoose(readFileSync(join(dir, "xlsx", "records-documents.csv"), "utf8"));
    expect(docs[1][docs[0].indexOf("title")]).toBe("示范镇政府工作报告");
    const codebook = parseCsvLoose(readFileSync(join(dir, "xlsx", "records-codebook.csv"), "utf8"));
    expect(codebook.find((r) => r[0] === "indicator")?.[1]).toBe("指标");
  });
});

/** LibreOffice's CSV ends records with LF: turn those (outside quotes) into CRLF and read it strictly. */
function parseCsvLoose(text: string): string[][] {
  const crlf = text.replace(/^\uFEFF/, "").replace(/("(?:[^"]|"")*")|\r?\n/g, (m, q: string | undefined) => q ?? "\r\n");
  return parseCsv(crlf.endsWith("\r\n") ? crlf : `${crlf}\r\n`);
}
