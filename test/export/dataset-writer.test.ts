import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { DatasetWriter, OutputDirError, checkOutputDir, writeDataset } from "../../src/export/dataset.js";
import { XLSX_FIT_ROWS } from "../../src/export/xlsx.js";
import { toJsonl } from "../../src/export/jsonl.js";
import { recordsToCsv } from "../../src/export/csv.js";
import { statementsToCsv } from "../../src/export/statements.js";
import { RECORD_COLUMNS, type MetricRecord } from "../../src/model/record.js";
import { DocumentRecordSchema, type DocumentRecord } from "../../src/model/document.js";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import { DATASET, DOCUMENT } from "./helpers/dataset.js";
import { documentText } from "../../src/export/dataset-format.js";
import { tempName } from "../../src/export/dataset-folder.js";
import { resolveColumns } from "../../src/export/columns.js";
import { tableToCsv } from "../../src/export/csv.js";
import { panelCells, panelHeader } from "../../src/export/panel-columns.js";
import { PANEL_COLUMNS, type PanelRow } from "../../src/model/panel.js";
import { PANEL } from "../fixtures/export/panel.js";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "zhibiao-writer-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const TEXT_FILES = ["records.jsonl", "records.csv", "statements.csv", "documents.jsonl", "diagnostics.jsonl", "panel.jsonl", "panel.csv"];
const PANEL_FILES = ["panel.jsonl", "panel.csv"];
/** Every file a close writes (documents.csv is made from documents.jsonl at the end). */
const WRITTEN = [...TEXT_FILES, "documents.csv"];
const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

/**
 * A batch of documents in input order that is not doc_id order (as `sub/a.txt` after `z.txt`), with
 * the fixture's records copied under each doc_id, text made awkward (quotes, commas, line breaks,
 * formulas, CJK), a document without records and a skipped input with only a diagnostic. Each
 * document with records has the fixture's panel (its headline cells, an absent one among them).
 */
function batch(): { doc_id: string; records: MetricRecord[]; document: DocumentRecord | null; diagnostics: Diagnostic[]; panel: PanelRow[] }[] {
  const ids = ["z-report", "b-report", "empty", "", "a-report", "b-report~2", "m"];
  return ids.map((doc_id, n) => {
    if (doc_id === "") {
      const d = { doc_id: null, path: "notes.xls", severity: "info", stage: "read", code: "skipped-format", message: "notes.xls: skipped" } as unknown as Diagnostic;
      return { doc_id, records: [], document: null, diagnostics: [d], panel: [] };
    }
    const records = doc_id === "empty" ? [] : DATASET.records.map((r, i) => ({
      ...r,
      doc_id,
      record_id: `${doc_id}:${r.record_id}`,
      sentence: i % 3 === n % 3 ? `${r.sentence}，"引号"，逗号,\n换行` : r.sentence,
      indicator: i === n ? `=SUM(A${n})` : r.indicator,
    }));
    const panel = doc_id === "empty" ? [] : PANEL.map((p, i) => ({
      ...p,
      doc_id,
      record_id: p.record_id === null ? null : `${doc_id}:${p.record_id}`,
      sentence: i === n % PANEL.length ? `${p.sentence}，"引号"，逗号,\n换行` : p.sentence,
    }));
    const document = { ...DOCUMENT, doc_id, path: `${doc_id}.txt`, record_count: records.length };
    const diagnostics = n === 1 ? [{ doc_id, path: `${doc_id}.txt`, severity: "warning", stage: "read", code: "replaced-bytes", message: "x" } as unknown as Diagnostic] : [];
    return { doc_id, records, document, diagnostics, panel };
  });
}

/** What writeDataset wrote before the streaming writer: every file built as one string. */
function reference(opts: { columns?: string[]; header?: "en" | "zh" }) {
  const docs = batch();
  const records = docs.flatMap((d) => d.records);
  return {
    "records.jsonl": toJsonl(records),
    "records.csv": recordsToCsv(records, { columns: opts.columns, header: opts.header ?? "en" }),
    "statements.csv": statementsToCsv(records, { header: opts.header ?? "en" }),
    "documents.jsonl": toJsonl(docs.flatMap((d) => (d.document ? [d.document] : []))),
    "diagnostics.jsonl": toJsonl(docs.flatMap((d) => d.diagnostics)),
    "panel.jsonl": toJsonl(docs.flatMap((d) => d.panel)),
    "panel.csv": tableToCsv(panelHeader(opts.header ?? "en"), docs.flatMap((d) => d.panel).map(panelCells)),
  } as Record<string, string>;
}

describe("DatasetWriter: byte-identical to the files built in memory", () => {
  it.each([
    [{}],
    [{ header: "zh" as const }],
    [{ columns: ["sentence", "indicator", "value", "doc_id"], header: "en" as const }],
  ])("one add per document, in input order %j", async (opts) => {
    const dir = join(tmp(), "out");
    const w = await DatasetWriter.open(dir, opts);
    for (const d of batch()) w.add(d);
    await w.close();
    const ref = reference(opts);
    for (const f of TEXT_FILES) expect(readFileSync(join(dir, f), "utf8"), f).toBe(ref[f]);
    expect(readdirSync(dir).sort()).toEqual([...WRITTEN].sort());
  });

  it("writeDataset (one add of everything) writes the same bytes", async () => {
    const dir = tmp();
    const docs = batch();
    await writeDataset(dir, {
      records: docs.flatMap((d) => d.records),
      documents: docs.flatMap((d) => (d.document ? [d.document] : [])),
      diagnostics: docs.flatMap((d) => d.diagnostics),
    });
    const ref = reference({});
    for (const f of TEXT_FILES.filter((f) => !PANEL_FILES.includes(f))) expect(readFileSync(join(dir, f), "utf8"), f).toBe(ref[f]);
    // a Dataset carries no panel: its panel files are empty (panel.csv a header alone)
    expect(readFileSync(join(dir, "panel.jsonl"), "utf8")).toBe("");
    expect(readFileSync(join(dir, "panel.csv"), "utf8")).toBe(tableToCsv(PANEL_COLUMNS, []));
  });

  it("writes the header-only files of an empty batch", async () => {
    const dir = tmp();
    await (await DatasetWriter.open(dir)).close();
    expect(readFileSync(join(dir, "records.jsonl"), "utf8")).toBe("");
    expect(readFileSync(join(dir, "records.csv"), "utf8")).toBe(recordsToCsv([]));
    expect(readFileSync(join(dir, "statements.csv"), "utf8")).toBe(statementsToCsv([]));
    expect(readFileSync(join(dir, "panel.jsonl"), "utf8")).toBe("");
    expect(readFileSync(join(dir, "panel.csv"), "utf8")).toBe(tableToCsv(PANEL_COLUMNS, []));
  });
});

describe("DatasetWriter: documents formatted by the workers (text chunks) write the bytes of the record path", () => {
  /** A document as the batch workers send it: its text (panel included), records and panel rows only when xlsx is asked for, no diagnostic objects. */
  const asText = (d: ReturnType<typeof batch>[number], opts: { columns?: string[] }, keepRecords: boolean) => {
    if (!d.document) return d; // a skipped input: formatted on the main thread, as objects
    const text = documentText(d.doc_id, d.records, d.document, d.diagnostics, resolveColumns(opts.columns), d.panel);
    return { records: keepRecords ? d.records : [], panel: keepRecords ? d.panel : [], document: d.document, diagnostics: [], text };
  };

  it.each([
    [{}],
    [{ header: "zh" as const }],
    [{ columns: ["sentence", "indicator", "value", "doc_id"], header: "en" as const }],
    [{ columns: ["数值", "unit", "record_id"], header: "zh" as const }],
  ])("one text chunk per document, in input order %j", async (opts) => {
    const dir = join(tmp(), "out");
    const w = await DatasetWriter.open(dir, opts);
    for (const d of batch()) w.add(asText(d, opts, false));
    await w.close();
    const ref = reference(opts);
    for (const f of TEXT_FILES) expect(readFileSync(join(dir, f), "utf8"), f).toBe(ref[f]);
    expect(readdirSync(dir).sort()).toEqual([...WRITTEN].sort());
    // the panel files, byte for byte as the object path writes them
    const objects = join(tmp(), "objects");
    const o = await DatasetWriter.open(objects, opts);
    for (const d of batch()) o.add(d);
    await o.close();
    for (const f of PANEL_FILES) {
      expect(readFileSync(join(dir, f)).length, f).toBeGreaterThan(300);
      expect(readFileSync(join(dir, f)).equals(readFileSync(join(objects, f))), f).toBe(true);
    }
  });

  it("text and record chunks mixed, byte for byte (records.xlsx included) as the record path", async () => {
    const write = async (mode: "records" | "text" | "mixed") => {
      const dir = tmp();
      const w = await DatasetWriter.open(dir, { formats: ["xlsx"], header: "zh" });
      batch().forEach((d, i) => w.add(mode === "records" || (mode === "mixed" && i % 2) ? d : asText(d, {}, true)));
      await w.close();
      return dir;
    };
    const [records, text, mixed] = [await write("records"), await write("text"), await write("mixed")];
    for (const f of [...TEXT_FILES, "records.xlsx"]) {
      if (PANEL_FILES.includes(f)) expect(readFileSync(join(records, f)).length, f).toBeGreaterThan(300);
      expect(readFileSync(join(text, f)).equals(readFileSync(join(records, f))), f).toBe(true);
      expect(readFileSync(join(mixed, f)).equals(readFileSync(join(records, f))), f).toBe(true);
    }
  });

  it("writes the diagnostics given as objects (those the batch adds) before the text's own", async () => {
    const dir = tmp();
    const [d] = batch().slice(1, 2);
    if (!d?.document) throw new Error("fixture");
    const added = { doc_id: d.doc_id, path: "x", severity: "warning", stage: "read", code: "duplicate-doc-id", message: "same name" } as unknown as Diagnostic;
    const w = await DatasetWriter.open(dir);
    w.add({ records: [], document: d.document, diagnostics: [added], text: documentText(d.doc_id, d.records, d.document, d.diagnostics, resolveColumns()) });
    await w.close();
    expect(readFileSync(join(dir, "diagnostics.jsonl"), "utf8")).toBe(toJsonl([added, ...d.diagnostics]));
    expect(readFileSync(join(dir, "documents.jsonl"), "utf8")).toBe(toJsonl([d.document]));
  });

  it("packs the parts in a buffer of its own, so a worker can transfer it", () => {
    const [d] = batch();
    if (!d?.document) throw new Error("fixture");
    const t = documentText(d.doc_id, d.records, d.document, d.diagnostics, resolveColumns());
    t.parts.forEach((list, i) => {
      for (const b of list) {
        expect(b.byteOffset).toBe(0);
        expect(b.buffer.byteLength).toBe(b.byteLength);
      }
      expect(list.reduce((a, b) => a + b.byteLength, 0)).toBe(t.lengths[i]);
    });
  });
});

describe("DatasetWriter: temporaries, close and abort", () => {
  const previous = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    for (const f of TEXT_FILES) writeFileSync(join(dir, f), `previous ${f}\n`);
  };

  it("writes to temporary names and renames them all into place at close", async () => {
    const dir = tmp();
    previous(dir);
    const w = await DatasetWriter.open(dir);
    for (const d of batch()) w.add(d);
    expect(temps(dir).sort()).toEqual(
      [...TEXT_FILES.map((f) => tempName(f)), tempName("statements.csv", true)].sort(),
    );
    for (const f of TEXT_FILES) expect(readFileSync(join(dir, f), "utf8")).toBe(`previous ${f}\n`);
    expect(w.committed).toBe(false);
    await w.close();
    expect(w.committed).toBe(true);
    expect(temps(dir)).toEqual([]);
    expect(readFileSync(join(dir, "records.jsonl"), "utf8")).toBe(reference({})["records.jsonl"]);
  });

  it("abort removes the temporaries and leaves the previous outputs byte-identical", async () => {
    const dir = tmp();
    previous(dir);
    const w = await DatasetWriter.open(dir, { formats: ["xlsx"] });
    for (const d of batch()) w.add(d);
    w.abort();
    expect(readdirSync(dir).sort()).toEqual([...TEXT_FILES].sort());
    for (const f of TEXT_FILES) expect(readFileSync(join(dir, f), "utf8")).toBe(`previous ${f}\n`);
    expect(() => w.add(batch()[0] as never)).toThrow(/aborted/);
  });

  it("abort removes the folder it created", async () => {
    const dir = join(tmp(), "new");
    const w = await DatasetWriter.open(dir);
    w.add(batch()[0] as never);
    w.abort();
    expect(existsSync(dir)).toBe(false);
  });

  it("removes an earlier run's records.xlsx when this run writes none, and replaces it when it does", async () => {
    const dir = tmp();
    await writeDataset(dir, DATASET, { formats: ["xlsx"] });
    expect(readdirSync(dir)).toContain("records.xlsx");
    await writeDataset(dir, DATASET);
    expect(readdirSync(dir).sort()).toEqual([...WRITTEN].sort());
  });

  it("removes the temporaries of a run that was killed outright (its pid is gone) when it opens", async () => {
    const dir = tmp();
    writeFileSync(join(dir, ".records.csv.999999999.tmp"), "half a file");
    expect(checkOutputDir(dir)).toEqual([]);
    await (await DatasetWriter.open(dir)).close();
    expect(temps(dir)).toEqual([]);
  });
});

describe("output folder policy", () => {
  it("accepts a missing folder, an empty one and one holding only an earlier run's outputs", () => {
    const dir = tmp();
    expect(checkOutputDir(join(dir, "missing"))).toEqual([]);
    expect(checkOutputDir(dir)).toEqual([]);
    for (const f of [...TEXT_FILES, "records.xlsx"]) writeFileSync(join(dir, f), "");
    expect(checkOutputDir(dir)).toEqual([]);
  });

  it("refuses a folder holding other files, naming them, unless forced", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "notes.txt"), "mine");
    mkdirSync(join(dir, "old"));
    writeFileSync(join(dir, "records.csv"), "x");
    expect(() => checkOutputDir(dir)).toThrow(OutputDirError);
    expect(() => checkOutputDir(dir)).toThrow(/holds files zhibiao did not write \(notes\.txt, old\/\); .*--force/);
    await expect(DatasetWriter.open(dir)).rejects.toThrow(OutputDirError);
    expect(readdirSync(dir).sort()).toEqual(["notes.txt", "old", "records.csv"]);
    expect(checkOutputDir(dir, true)).toEqual(["notes.txt", "old/"]);
    const w = await DatasetWriter.open(dir, { force: true });
    w.add(batch()[0] as never);
    await w.close();
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine");
    expect(readdirSync(dir).sort()).toEqual(["notes.txt", "old", ...WRITTEN].sort());
  });

  it("refuses a path that is a file", () => {
    const dir = tmp();
    writeFileSync(join(dir, "file"), "");
    expect(() => checkOutputDir(join(dir, "file"), true)).toThrow(/not a folder/);
  });
});

describe("records.xlsx, streamed", async () => {
  const load = async (path: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb;
  };
  const write = async (docs = batch(), opts = {}) => {
    const dir = tmp();
    const w = await DatasetWriter.open(dir, { formats: ["xlsx"], ...opts });
    for (const d of docs) w.add(d);
    await w.close();
    return join(dir, "records.xlsx");
  };
  const path = await write();
  const wb = await load(path);
  const records = wb.getWorksheet("records");
  if (!records) throw new Error("no records sheet");
  const header = (records.getRow(1).values as unknown[]).slice(1);
  const all = batch().flatMap((d) => d.records);

  it("has the sheets records, panel, documents and codebook, one row per record", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["records", "panel", "documents", "codebook"]);
    expect(header).toEqual(RECORD_COLUMNS);
    expect(records.rowCount).toBe(all.length + 1);
  });

  it("has a panel sheet: the panel header, one row per panel row in input order, typed cells", async () => {
    const panel = wb.getWorksheet("panel");
    if (!panel) throw new Error("no panel sheet");
    const rows = batch().flatMap((d) => d.panel);
    expect(rows.length).toBeGreaterThan(PANEL.length);
    expect((panel.getRow(1).values as unknown[]).slice(1)).toEqual(PANEL_COLUMNS);
    expect(panel.rowCount).toBe(rows.length + 1);
    const col = (c: string) => PANEL_COLUMNS.indexOf(c as never) + 1;
    rows.forEach((r, i) => {
      expect(panel.getCell(i + 2, col("doc_id")).value).toBe(r.doc_id);
      expect(panel.getCell(i + 2, col("indicator_code")).value).toBe(r.indicator_code);
      expect(panel.getCell(i + 2, col("record_id")).value).toBe(r.record_id);
    });
    const tax = rows.findIndex((r) => r.indicator_code === "tax_revenue") + 2;
    expect(panel.getCell(tax, col("value")).value).toBe(148690000);
    expect(panel.getCell(tax, col("value")).numFmt).toBe("0");
    expect(panel.getCell(tax, col("absent")).value).toBe(false);
    const absent = rows.findIndex((r) => r.absent) + 2;
    expect(panel.getCell(absent, col("absent")).value).toBe(true);
    for (const c of ["value", "unit", "qualifier", "record_id"]) expect(panel.getCell(absent, col(c)).type, c).toBe(ExcelJS.ValueType.Null);
    expect(panel.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const zh = (await load(await write(batch(), { header: "zh" }))).getWorksheet("panel");
    expect((zh?.getRow(1).values as unknown[]).slice(1)).toEqual(panelHeader("zh"));
  });

  it("types cells as the buffered workbook does", () => {
    const rowOf = (raw: string) => {
      for (let r = 2; r <= records.rowCount; r++) if (records.getCell(r, header.indexOf("raw") + 1).value === raw) return records.getRow(r);
      throw new Error(`no row for ${raw}`);
    };
    const cell = (raw: string, col: string) => rowOf(raw).getCell(header.indexOf(col) + 1);
    expect(cell("14869 万元", "value").value).toBe(148690000);
    expect(cell("14869 万元", "value").numFmt).toBe("0");
    expect(cell("36.2%", "value").value).toBe(-36.2);
    expect(cell("14869 万元", "period_inferred").value).toBe(true);
    expect(cell("30%", "indicator").type).toBe(ExcelJS.ValueType.Null);
    expect(records.getCell(2, header.indexOf("indicator") + 1).value).toBe(all[0]?.indicator);
    expect(records.getCell(2, header.indexOf("indicator") + 1).type).toBe(ExcelJS.ValueType.String);
  });

  it("freezes the header, sets an autofilter and fits the column widths", () => {
    expect(records.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(records.autoFilter).toBe(`A1:${records.getColumn(RECORD_COLUMNS.length).letter}1`);
    expect(records.getColumn(header.indexOf("sentence") + 1).width).toBe(60);
    expect(records.getColumn(header.indexOf("kind") + 1).width).toBeLessThan(records.getColumn(header.indexOf("indicator") + 1).width ?? 0);
    expect(records.getRow(1).font?.bold).toBe(true);
  });

  it("lists the documents (read back from documents.jsonl) and the codebook", () => {
    const docs = wb.getWorksheet("documents");
    expect((docs?.getRow(1).values as unknown[]).slice(1)).toEqual(Object.keys(DocumentRecordSchema.shape));
    expect(docs?.rowCount).toBe(batch().filter((d) => d.document).length + 1);
    expect(docs?.getCell(2, 1).value).toBe("z-report");
    const cb = wb.getWorksheet("codebook");
    expect(cb?.rowCount).toBe(RECORD_COLUMNS.length + PANEL_COLUMNS.length + 1);
    const names = Array.from({ length: (cb?.rowCount ?? 1) - 1 }, (_, i) => cb?.getCell(i + 2, 1).value);
    expect(names).toEqual([...RECORD_COLUMNS, ...PANEL_COLUMNS.map((c) => `panel.${c}`)]);
    expect(cb?.getCell(RECORD_COLUMNS.length + 2, 2).value).toBe("文档编号");
  });

  it("is byte-identical from run to run (zip timestamps fixed in the file)", async () => {
    const again = await write();
    expect(readFileSync(again).equals(readFileSync(path))).toBe(true);
  });

  it("fits the widths on the first rows only: a long value further down does not widen its column", async () => {
    const base = DATASET.records[0] as MetricRecord;
    const many = Array.from({ length: XLSX_FIT_ROWS + 5 }, (_, i) => ({ ...base, record_id: `r${i}`, unit: i < XLSX_FIT_ROWS ? "个" : "很长很长很长很长的单位名称" }));
    const p = await write([{ records: many, document: DOCUMENT, diagnostics: [] } as never], { columns: ["record_id", "unit"] });
    const sheet = (await load(p)).getWorksheet("records");
    expect(sheet?.rowCount).toBe(many.length + 1);
    expect(sheet?.getColumn(2).width).toBe(6);
    expect(sheet?.getCell(many.length + 1, 2).value).toBe("很长很长很长很长的单位名称");
  });
});
