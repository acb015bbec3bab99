import { mkdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OutputFolderError, readOutputs } from "../../src/join/read-outputs.js";
import { documentLine, row, tempDir, writeOutput } from "./helpers.js";

const root = tempDir();
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => join(root, `f${n++}`);

const rows2015 = [row({ doc_id: "n_2015", indicator_code: "gdp_growth", status: "target", period: "2015", value: 7 })];
const rows2016 = [row({ doc_id: "n_2016", indicator_code: "gdp_growth", status: "actual", period: "2015", value: 6.9 })];

describe("readOutputs: the documents and panel of extract output folders", () => {
  it("reads every folder's rows, counting reports", async () => {
    const a = writeOutput(folder(), rows2015);
    const b = writeOutput(folder(), rows2016);
    const out = await readOutputs([a, b]);
    expect(out.reports).toBe(2);
    expect(out.rows.map((r) => r.doc_id)).toEqual(["n_2015", "n_2016"]);
    expect(out.rows[0]).toMatchObject({ ...rows2015[0], duplicate_of: null, duplicate_conflict: null });
    expect(out.skipped).toEqual([]);
    expect(out.failed).toEqual([]);
  });

  it("counts a text found in two folders (same sha256) once, and tells which", async () => {
    const a = writeOutput(folder(), rows2015);
    const b = writeOutput(folder(), [...rows2015.map((r) => ({ ...r, doc_id: "copy_2015" })), ...rows2016], [documentLine("copy_2015", { sha256: "sha-n_2015" }), documentLine("n_2016")]);
    const out = await readOutputs([a, b]);
    expect(out.reports).toBe(2);
    expect(out.rows.map((r) => r.doc_id)).toEqual(["n_2015", "n_2016"]);
    expect(out.skipped).toEqual([{ folder: b, doc_id: "copy_2015", same_as: `n_2015 in ${a}` }]);
  });

  it("counts the same folder given twice once", async () => {
    const a = writeOutput(folder(), rows2015);
    const out = await readOutputs([a, a]);
    expect(out.reports).toBe(1);
    expect(out.rows).toHaveLength(1);
  });

  it("fills an empty region_code, region, level or report_year of a row from its document line", async () => {
    const a = writeOutput(folder(), [{ ...rows2015[0]!, region_code: null, region: null, level: null, report_year: null }], [documentLine("n_2015", { region_code: "000000", region: "全国", level: "national", report_year: 2015 })]);
    const [r] = (await readOutputs([a])).rows;
    expect(r).toMatchObject({ region_code: "000000", region: "全国", level: "national", report_year: 2015 });
  });

  it("reports documents that failed in extract", async () => {
    const a = writeOutput(folder(), rows2015, [documentLine("n_2015"), documentLine("broken", { status: "error", sha256: null, errors: ["not a PDF"] })]);
    const out = await readOutputs([a]);
    expect(out.reports).toBe(1);
    expect(out.failed).toEqual([{ folder: a, doc_id: "broken", errors: ["not a PDF"] }]);
  });

  const rejects = async (dirs: string[], message: RegExp) => {
    const err = await readOutputs(dirs).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(OutputFolderError);
    expect((err as OutputFolderError).exitCode).toBe(1);
    expect((err as Error).message).toMatch(message);
  };

  it("rejects a folder that is not an extract output, naming it", async () => {
    await rejects([join(root, "nowhere")], /nowhere: no such folder/);
    const empty = folder();
    mkdirSync(empty);
    await rejects([empty], new RegExp(`${empty}: not an extract output \\(no documents.jsonl\\)`));
    writeFileSync(join(empty, "documents.jsonl"), JSON.stringify(documentLine("n_2015")) + "\n");
    await rejects([empty], /no panel.jsonl: written by a zhibiao without the headline panel/);
  });

  it("rejects a bad line, naming file and line: not JSON, a document without doc_id, a row of another version", async () => {
    const a = writeOutput(folder(), rows2015);
    appendFileSync(join(a, "panel.jsonl"), "{not json\n");
    await rejects([a], new RegExp(`${a}/panel.jsonl:2: not a JSON line`));
    const b = writeOutput(folder(), rows2015, [{ path: "x.txt" }]);
    await rejects([b], new RegExp(`${b}/documents.jsonl:1: not a document line of this zhibiao version: doc_id`));
    const c = writeOutput(folder(), [{ ...rows2015[0]!, shiny_new_column: 1 } as never]);
    await rejects([c], new RegExp(`${c}/panel.jsonl:1: not a panel row of this zhibiao version: Unrecognized key: "shiny_new_column"`));
    const { region_code: _dropped, ...old } = rows2015[0]!;
    const d = writeOutput(folder(), [old as never], [documentLine("n_2015")]);
    await rejects([d], new RegExp(`${d}/panel.jsonl:1: not a panel row of this zhibiao version: region_code:`));
  });

  it("rejects a row of a document its folder does not list, and one doc_id with two texts", async () => {
    const a = writeOutput(folder(), rows2015, [documentLine("other")]);
    await rejects([a], /panel.jsonl:1: doc_id 'n_2015' is not in .*documents.jsonl/);
    const b = writeOutput(folder(), rows2015);
    const c = writeOutput(folder(), rows2015, [documentLine("n_2015", { sha256: "another" })]);
    await rejects([b, c], /doc_id 'n_2015' is also in .* with another text/);
  });
});
