import { z } from "zod";
import { MetricRecordSchema, RECORD_COLUMNS } from "../model/record.js";
import { EXAMPLES, ZH_NAMES } from "./codebook-labels.js";

/** The JSON type of a column as the codebook shows it. */
export type ColumnType = "string" | "integer" | "number" | "boolean";

/** One row of the codebook: what a column of records.csv holds. */
export interface CodebookEntry {
  column: string;
  zh: string;
  type: ColumnType;
  nullable: boolean;
  /** The field's `.describe(...)` in src/model/record.ts. */
  description: string;
  /** The values an enum column takes; null for free columns. */
  allowed: string[] | null;
  example: string | number | boolean | null;
}

interface JsonProperty {
  type?: string | string[];
  anyOf?: JsonProperty[];
  enum?: unknown[];
  description?: string;
  title?: string;
}

/** The JSON Schema (draft 2020-12) of one record, from the zod schema: `recordJsonSchema().properties.value`. */
export function recordJsonSchema(): Record<string, unknown> & { properties: Record<string, JsonProperty> } {
  const schema = z.toJSONSchema(MetricRecordSchema) as Record<string, unknown> & { properties: Record<string, JsonProperty> };
  return { ...schema, title: "zhibiao metric record", description: "One metric mention of a government work report: one line of records.jsonl, one row of records.csv." };
}

function flatten(p: JsonProperty): { types: string[]; allowed: string[] | null } {
  const parts = p.anyOf ?? [p];
  const types: string[] = [];
  let allowed: string[] | null = null;
  for (const part of parts) {
    for (const t of Array.isArray(part.type) ? part.type : part.type ? [part.type] : []) types.push(t);
    if (part.enum) allowed = part.enum.filter((v) => v !== null).map(String);
  }
  return { types, allowed };
}

/** Every record column, in column order, with name, type, meaning, allowed values and example: `codebook()[0].column` → "doc_id". */
export function codebook(): CodebookEntry[] {
  const { properties } = recordJsonSchema();
  return RECORD_COLUMNS.map((column) => {
    const prop = properties[column] ?? {};
    const { types, allowed } = flatten(prop);
    const base = types.find((t) => t !== "null") ?? "string";
    const type: ColumnType = base === "integer" || base === "number" || base === "boolean" ? base : "string";
    return {
      column,
      zh: ZH_NAMES[column] ?? prop.title ?? column,
      type,
      nullable: types.includes("null"),
      description: MetricRecordSchema.shape[column].description ?? prop.description ?? "",
      allowed,
      example: EXAMPLES[column] ?? allowed?.[0] ?? null,
    };
  });
}

/** The Chinese name of a column (codebook), or the column itself: `zhName("indicator")` → "指标". */
export function zhName(column: string): string {
  zhNames ??= new Map(codebook().map((e) => [e.column, e.zh]));
  return zhNames.get(column) ?? ZH_NAMES[column] ?? column;
}
let zhNames: Map<string, string> | undefined;
