import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { codebook, recordJsonSchema } from "../../src/export/codebook.js";
import { codebookMarkdown } from "../../src/export/codebook-markdown.js";
import { MetricRecordSchema, QUALIFIERS, KINDS, RECORD_COLUMNS } from "../../src/model/record.js";
import { RECORDS } from "../fixtures/export/records.js";

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

  it("docs/codebook.md is what `npm run codebook` generates (run it after changing the schema)", () => {
    expect(readFileSync(DOC, "utf8")).toBe(codebookMarkdown());
  });
});
