import { z } from "zod";
import { AttainmentRowSchema, JoinedPanelRowSchema, LevelRowSchema, WideKeySchema, WideNotesSchema } from "../model/join.js";

/** One row of panel.xlsx's codebook sheet: a column of one of the tables and what it holds. */
export interface PanelCodebookEntry {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
  meaning: string;
}

interface JsonProperty {
  type?: string | string[];
  anyOf?: JsonProperty[];
  enum?: unknown[];
}

/** The columns of a zod object schema as codebook rows (type and nullability from its JSON Schema, meaning from `.describe`). */
function schemaEntries(table: string, schema: z.ZodObject): PanelCodebookEntry[] {
  const json = z.toJSONSchema(schema) as { properties?: Record<string, JsonProperty> };
  return Object.entries(schema.shape).map(([column, field]) => {
    const prop = json.properties?.[column] ?? {};
    const types = (prop.anyOf ?? [prop]).flatMap((p) => (Array.isArray(p.type) ? p.type : p.type ? [p.type] : []));
    const allowed = (prop.anyOf ?? [prop]).flatMap((p) => p.enum ?? []).filter((v) => v !== null);
    const meaning = (field as z.ZodType).description ?? "";
    return {
      table,
      column,
      type: types.find((t) => t !== "null") ?? "string",
      nullable: types.includes("null"),
      meaning: allowed.length ? `${meaning} [${allowed.join(", ")}]` : meaning,
    };
  });
}

/**
 * Every column of panel.csv, attainment.csv, levels.csv and panel_wide.csv (its value columns named
 * with the indicator's Chinese name), with type and meaning: `panelCodebook(["gdp_growth_target"], new Map([["gdp_growth", "地区生产总值增长率"]]), { gdp_growth_target: "%" })`.
 */
export function panelCodebook(wideValueColumns: readonly string[], names: ReadonlyMap<string, string>, units: Readonly<Record<string, string | null>> = {}): PanelCodebookEntry[] {
  const wideValues = wideValueColumns.map((column): PanelCodebookEntry => {
    const unit = units[column];
    const m = /^(.*)_(target|actual)$/.exec(column);
    const code = m?.[1] ?? column;
    const name = names.get(code);
    const what = m?.[2] === "actual" ? "Actual reported for the period (first report that gives it)" : "Target set for the period (first report that sets it; lower end of a range)";
    return { table: "panel_wide", column, type: "number", nullable: true, meaning: `${what}: ${code}${name ? ` (${name})` : ""}${unit ? `; unit ${unit} (a value in another unit is in notes)` : ""}` };
  });
  return [
    ...schemaEntries("panel", JoinedPanelRowSchema),
    ...schemaEntries("attainment", AttainmentRowSchema),
    ...schemaEntries("levels", LevelRowSchema),
    ...schemaEntries("panel_wide", WideKeySchema),
    ...wideValues,
    ...schemaEntries("panel_wide", WideNotesSchema),
  ];
}
