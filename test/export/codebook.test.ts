import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { codebook, recordJsonSchema } from "../../src/export/codebook.js";
import { codebookMarkdown } from "../../src/export/codebook-markdown.js";
import { MetricRecordSchema, QUALIFIERS, KINDS, RECORD_COLUMNS } from "../../src/model/record.js";
import { RECORDS } from "../fixtures/export/records.js";
import { PANEL_COLUMNS, PanelRowSchema } from "../../src/model/panel.js";
import { PANEL_ZH } from "../../src/export/panel-columns.js";

const DOC = fileURLToPath(new URL("../../docs/codebook.md", import.meta.url));

describe("codebook", () => {
  const cb = codebook();

  it("has one entry per record column, in column order", () => {
    expect(cb.map((e) => e.column)).toEqual(RECORD_COLUMNS);
  });

  it("takes meanings from the schema's .describe() and enums from the schema", () => {
    for (const e of cb) expect(e.description).toBe(MetricRecordSchema.shape[e.column as keyof typeof MetricRecordSchema.shape].description);
    const by = new Map(cb.map((e) => [e.column, e]));
    expect(by.get("kind")?.allowed).toEqual([...KINDS]);
    expect(by.get("qualifier")?.allowed).toEqual([...QUALIFIERS]);
    expect(by.get("status")?.allowed).toEqual(["actual", "target"]);
    expect([by.get("value")?.type, by.get("start")?.type, by.get("period_inferred")?.type]).toEqual(["number", "integer", "boolean"]);
    expect([by.get("value_max")?.nullable, by.get("value")?.nullable]).toEqual([true, false]);
  });

  it("gives every column a meaning, a Chinese name and an example of the right type", () => {
    for (const e of cb) {
      expect(e.description, e.column).not.toBe("");
      expect(e.zh, e.column).toMatch(/[\u4e00-\u9fff]/);
      expect(e.example, e.column).not.toBeNull();
      const t = e.type === "integer" ? "number" : e.type;
      expect(typeof e.example, e.column).toBe(t);
      if (e.allowed) expect(e.allowed, e.column).toContain(e.example);
    }
  });

  it("builds a JSON Schema of a closed object whose properties are the record columns", () => {
    const schema = recordJsonSchema();
    expect(schema.$schema).toContain("json-schema.org");
    expect(Object.keys(schema.properties)).toEqual(RECORD_COLUMNS);
    expect(schema.required).toEqual(RECORD_COLUMNS);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.kind.enum).toEqual([...KINDS]);
    for (const r of RECORDS) expect(MetricRecordSchema.safeParse(r).success).toBe(true);
  });

  it("names the catalogue columns indicator_code and indicator_name (指标代码, 指标名称) after indicator", () => {
    const at = RECORD_COLUMNS.indexOf("indicator");
    expect(RECORD_COLUMNS.slice(at, at + 3)).toEqual(["indicator", "indicator_code", "indicator_name"]);
    const by = new Map(cb.map((e) => [e.column, e]));
    expect(by.get("indicator_code")).toMatchObject({ zh: "指标代码", type: "string", nullable: true, example: "gdp_growth" });
    expect(by.get("indicator_name")).toMatchObject({ zh: "指标名称", type: "string", nullable: true, example: "地区生产总值增长率" });
    const md = codebookMarkdown();
    expect(md).toContain("| `indicator_code` | 指标代码 | string, null |");
    expect(md).toContain("| `indicator_name` | 指标名称 | string, null |");
  });

  it("has a section for panel.csv / panel.jsonl: every panel column in order, its Chinese name and its meaning", () => {
    const md = codebookMarkdown();
    const at = md.indexOf("\n## panel.csv / panel.jsonl\n");
    expect(at).toBeGreaterThan(md.indexOf("\n## statements.csv\n"));
    const rows = md.slice(at).split("\n").filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(PANEL_COLUMNS.length);
    PANEL_COLUMNS.forEach((c, i) => {
      const description = PanelRowSchema.shape[c].description ?? "";
      expect(description, c).not.toBe("");
      expect(PANEL_ZH[c], c).toMatch(/[\u4e00-\u9fff]/);
      expect(rows[i]).toBe(`| ${i + 1} | \`${c}\` | ${PANEL_ZH[c]} | ${description.replace(/\|/g, "\\|")} |`);
    });
    expect(readFileSync(DOC, "utf8")).toContain("## panel.csv / panel.jsonl");
  });

  it("docs/codebook.md is what `npm run codebook` generates (run it after changing the schema)", () => {
    expect(readFileSync(DOC, "utf8")).toBe(codebookMarkdown());
  });
});
