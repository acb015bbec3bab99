import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { schemaCommand } from "../../src/commands/schema.js";
import { reportCommand } from "../../src/commands/report.js";
import { codebookMarkdown } from "../../src/export/codebook-markdown.js";
import { RECORD_COLUMNS } from "../../src/model/record.js";
import { toJsonl } from "../../src/export/jsonl.js";
import { RECORDS, REPORT_PATH } from "../fixtures/export/records.js";

const dir = mkdtempSync(join(tmpdir(), "zhibiao-cmd-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function capture(stream: NodeJS.WriteStream): () => string {
  const chunks: string[] = [];
  vi.spyOn(stream, "write").mockImplementation((c: string | Uint8Array) => {
    chunks.push(String(c));
    return true;
  });
  return () => chunks.join("");
}

describe("zhibiao schema", () => {
  it("is registered with the CLI", async () => {
    // Imported here so that this check alone fails while another command of the CLI is half-written.
    const { COMMANDS } = await import("../../src/commands/index.js");
    expect(await COMMANDS.schema.load()).toBe(schemaCommand);
    expect(await COMMANDS.report.load()).toBe(reportCommand);
  });

  it("prints the JSON Schema of a record", async () => {
    const out = capture(process.stdout);
    expect(await schemaCommand.run([])).toBe(0);
    const schema = JSON.parse(out()) as { properties: Record<string, { description?: string }> };
    expect(Object.keys(schema.properties)).toEqual(RECORD_COLUMNS);
    expect(schema.properties.value.description).toMatch(/magnitude/);
  });

  it("prints the codebook with --markdown", async () => {
    const out = capture(process.stdout);
    expect(await schemaCommand.run(["--markdown"])).toBe(0);
    expect(out()).toBe(codebookMarkdown());
  });
});

describe("zhibiao report", () => {
  it("writes report.html from inputs and a records file", async () => {
    const records = join(dir, "records.jsonl");
    writeFileSync(records, toJsonl(RECORDS));
    const err = capture(process.stderr);
    expect(await reportCommand.run([REPORT_PATH, "--records", records, "--out", join(dir, "out"), "--title", "审阅 <1>"])).toBe(0);
    expect(err()).toMatch(/1 documents, 12 records/);
    const html = readFileSync(join(dir, "out", "report.html"), "utf8");
    expect(html).toContain("<title>审阅 &lt;1&gt;</title>");
    expect(html.match(/<mark class="zb /g)).toHaveLength(RECORDS.length); // and the possible misses, class "miss"
  });

  it("extracts with the engine when no records file is given, and exits 2 on a missing input", async () => {
    const err = capture(process.stderr);
    expect(await reportCommand.run([REPORT_PATH, join(dir, "nope.txt"), "--out", join(dir, "out2")])).toBe(2);
    expect(err()).toMatch(/nope\.txt: no such file or folder/);
    expect(readFileSync(join(dir, "out2", "report.html"), "utf8")).toContain("示范镇政府工作报告");
  });

  it("refuses to run without --out or inputs", async () => {
    await expect(reportCommand.run([REPORT_PATH])).rejects.toThrow(/--out <dir> is required/);
    await expect(reportCommand.run(["--out", dir])).rejects.toThrow(/no input given/);
  });
});
