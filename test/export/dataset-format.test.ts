import { describe, expect, it } from "vitest";
import { stringify } from "csv-stringify/sync";
import { csvCell } from "../../src/export/cell.js";
import { csvLines, jsonLines, recordCsvLines } from "../../src/export/dataset-format.js";
import { tableToCsv } from "../../src/export/csv.js";
import { toJsonl } from "../../src/export/jsonl.js";
import { RECORDS } from "../fixtures/export/records.js";
import { resolveColumns } from "../../src/export/columns.js";

/** What `tableToCsv` has csv-stringify write for rows (the reference the fast encoder must match). */
const reference = (rows: unknown[][]) => (rows.length ? stringify(rows.map((r) => r.map(csvCell)), { eof: true, record_delimiter: "\r\n", quoted_match: /[\r\n]/ }) : "");

describe("csvLines: the bytes of csv-stringify with the options of tableToCsv", () => {
  const awkward = [
    "", " ", "plain", "有,逗号", "有，全角逗号", '"', '""', 'a"b', "a\nb", "a\rb", "a\r\nb", "\n", "\r", ",", '",\n',
    "=SUM(A1)", "+1", "-1", "@x", "\tx", "\rx", "＝全角", " lead", "trail ", "'", "中文\u2028行", "\uFEFFbom", "x\u0000y",
    0, -0, 1.5, -36.2, 1e21, 1e-7, 148690000, NaN, null, undefined, true, false, ["a", "b"], ["=x", 1], [],
  ];
  it("on every awkward cell alone and in rows", () => {
    for (const v of awkward) expect(csvLines([[v]]), JSON.stringify(v) ?? String(v)).toBe(reference([[v]]));
    expect(csvLines([awkward])).toBe(reference([awkward]));
  });

  it("on random rows built from awkward pieces", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['"', ",", "\n", "\r", "\r\n", "=", "-", "a", "中", " ", "'", "\t"];
    const rows = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + rand(6) }, () => (rand(5) === 0 ? rand(1000) - 500 : Array.from({ length: rand(6) }, () => pieces[rand(pieces.length)]).join(""))),
    );
    expect(csvLines(rows)).toBe(reference(rows));
    expect(csvLines([])).toBe("");
  });

  it("records.csv rows and JSONL lines as recordsToCsv/toJsonl write them", () => {
    const cols = resolveColumns();
    const header = tableToCsv(cols, []);
    expect(header + recordCsvLines(RECORDS, cols)).toBe(tableToCsv(cols, RECORDS.map((r) => cols.map((c) => r[c]))));
    expect(jsonLines(RECORDS)).toBe(toJsonl(RECORDS));
    expect(jsonLines([])).toBe(toJsonl([]));
  });
});
