import { z } from "zod";
import { LevelSchema } from "./document.js";
import { QualifierSchema, StatusSchema } from "./record.js";

/** How an indicator is measured: a level in its own unit, a growth rate (%), or a rate/ratio (%). */
export const MeasureSchema = z.enum(["level", "growth", "rate"]);
export type Measure = z.infer<typeof MeasureSchema>;

/** Which way an indicator's target binds (PANEL.md): up (reach at least), cap (stay at most), down (fall at least). */
export const DirectionSchema = z.enum(["up", "cap", "down"]);
export type Direction = z.infer<typeof DirectionSchema>;

/**
 * One headline cell of one report: the target it sets or the result it reports for one canonical
 * indicator and one period. One row per doc_id × indicator_code × status × period; the order of the
 * keys is the order of panel.csv's columns.
 */
export const PanelRowSchema = z
  .object({
    doc_id: z.string().min(1).describe("Document id of the report the cell comes from"),
    region: z.string().nullable().describe("Region of the report (广东省深圳市), from its front matter or --meta"),
    region_code: z.string().nullable().describe("Administrative division code of the region (GB/T 2260, 6 digits; 9 for a town or street; 000000 for the nation); empty when the region is unknown or ambiguous"),
    level: LevelSchema.nullable().describe("Level of the region: national, provincial, city, county or town"),
    report_year: z.number().int().nullable().describe("Year of the report"),
    indicator_code: z.string().min(1).describe("Canonical indicator code of the catalogue (rules/indicators): gdp_growth, cpi …"),
    indicator_name: z.string().describe("Chinese name of the indicator (地区生产总值增长率)"),
    status: StatusSchema.describe("target (set for the plan year) or actual (reported for the year under review)"),
    period: z.string().describe("The year the figure is for (2024), or 2024H1 for a first half in a mid-year report"),
    value: z.number().nullable().describe("The figure, magnitude folded in; a fall is negative; null on an absent row"),
    value_max: z.number().nullable().describe("Top of a range (6%—6.5% → 6.5); null otherwise"),
    unit: z.string().nullable().describe("Base unit: 元, 美元, 人, 斤, 吨, %, 个 …; null on an absent row"),
    qualifier: QualifierSchema.nullable().describe("exact, approx, more_than, at_least, at_most, less_than or range (控制在X% is at_most for a target; docs/headline.md); null on an absent row"),
    absent: z.boolean().describe("True when the report says explicitly it sets no target for this indicator (没有提出全年经济增速具体目标)"),
    conflict: z.string().nullable().describe("Another value the report gives the same cell, with its record id (8.9 % exact @ 3f…); null when none"),
    record_id: z.string().nullable().describe("The record the cell comes from (records.jsonl); null on an absent row"),
    start: z.number().int().nonnegative().describe("UTF-16 offset of the figure (or of the absent statement) in the source text"),
    end: z.number().int().nonnegative().describe("UTF-16 offset just after it"),
    raw: z.string().describe("The figure as written (or the absent statement)"),
    sentence: z.string().describe("The sentence it stands in"),
    section: z.string().describe("Heading path of the sentence"),
  })
  .strict();
export type PanelRow = z.infer<typeof PanelRowSchema>;

/** Column order of panel.csv. */
export const PANEL_COLUMNS = Object.keys(PanelRowSchema.shape) as (keyof PanelRow)[];
