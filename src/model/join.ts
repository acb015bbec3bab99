import { z } from "zod";
import { LevelSchema } from "./document.js";
import { PanelRowSchema } from "./panel.js";
import { QualifierSchema } from "./record.js";

/**
 * The schemas of `zhibiao panel`'s tables (joins across reports). The order of each schema's keys is
 * the order of its CSV/JSONL/XLSX columns; `.describe()` is the codebook's meaning of the column.
 */

/**
 * One line of an extract output's documents.jsonl, as the join reads it: only the fields it uses are
 * checked, other keys pass (the documents schema grows: region_code, a format marker …).
 */
export const OutputDocumentSchema = z.looseObject({
  doc_id: z.string().min(1),
  sha256: z.string().nullable().optional(),
  status: z.enum(["ok", "error"]).optional(),
  errors: z.array(z.string()).optional(),
  region: z.string().nullable().optional(),
  region_code: z.string().nullable().optional(),
  level: LevelSchema.nullable().optional(),
  report_year: z.number().int().nullable().optional(),
});
export type OutputDocument = z.infer<typeof OutputDocumentSchema>;

/** A row of the joined panel.csv: a report's panel row, and the other reports of its region and year that give the same cell. */
export const JoinedPanelRowSchema = PanelRowSchema.extend({
  duplicate_of: z
    .string()
    .nullable()
    .describe("Other reports (doc ids, '; '-separated) of the same region and report year that give the same cell; null when none"),
  duplicate_conflict: z
    .string()
    .nullable()
    .describe("What those reports give when it differs from this row (national_2016b: 6.5 % approx); null when they agree or there are none"),
}).strict();
export type JoinedPanelRow = z.infer<typeof JoinedPanelRowSchema>;

/** A target beside the actual a later report of the same region gives for the same period. */
export const AttainmentRowSchema = z
  .object({
    region: z.string().nullable().describe("Region of the series (from the target's report)"),
    region_code: z.string().nullable().describe("Region code of the series; null when the series is keyed by the region string"),
    indicator_code: z.string().min(1).describe("Canonical indicator code"),
    indicator_name: z.string().describe("Chinese name of the indicator (from the target's panel row)"),
    period: z.string().describe("The year (or 2024H1) the target and the actual are for"),
    target_value: z.number().describe("The target (lower end of a range)"),
    target_value_max: z.number().nullable().describe("Top of a target range; null otherwise"),
    target_qualifier: QualifierSchema.nullable().describe("Qualifier of the target (approx, at_least, range …)"),
    target_unit: z.string().nullable().describe("Unit of the target (元, %, 人 …)"),
    target_doc_id: z.string().min(1).describe("Report that set the target"),
    target_record_id: z.string().nullable().describe("Record of the target (records.jsonl of its extract output)"),
    actual_value: z.number().describe("The actual, from the first later report of the region that reviews the period"),
    actual_qualifier: QualifierSchema.nullable().describe("Qualifier of the actual"),
    actual_unit: z.string().nullable().describe("Unit of the actual; when it is not the target's, gap and met compare the numbers as written (see note)"),
    actual_doc_id: z.string().min(1).describe("Report that gave the actual"),
    actual_record_id: z.string().nullable().describe("Record of the actual"),
    gap: z.number().describe("actual − target (the lower end of a range)"),
    met: z.boolean().describe("Whether the target was met, by the indicator's direction: up → actual ≥ target; cap and down → actual ≤ target (top of a range)"),
    direction: z.enum(["up", "cap", "down"]).describe("Direction of the indicator used for met (up, cap, down)"),
    note: z
      .string()
      .nullable()
      .describe("Units that differ between target and actual, or another report of the same region and year that gives the target or the actual too (duplicate_of in panel.csv); null otherwise"),
  })
  .strict();
export type AttainmentRow = z.infer<typeof AttainmentRowSchema>;

/** A region's target beside its parent region's target for the same indicator and period, same report year. */
export const LevelRowSchema = z
  .object({
    doc_id: z.string().min(1).describe("Report of the region that set the target"),
    parent_doc_id: z.string().min(1).describe("Report of the parent region, same report year, that set the parent's target"),
    region: z.string().nullable().describe("Region of the report"),
    region_code: z.string().describe("Region code of the report"),
    parent_region: z.string().nullable().describe("Parent region (the next level up that has reports in the panel)"),
    parent_region_code: z.string().describe("Code of the parent region"),
    report_year: z.number().int().describe("Year of both reports"),
    indicator_code: z.string().min(1).describe("Canonical indicator code"),
    indicator_name: z.string().describe("Chinese name of the indicator (from the region's panel row)"),
    period: z.string().describe("The year the targets are for"),
    value: z.number().describe("The region's target (lower end of a range)"),
    value_max: z.number().nullable().describe("Top of the region's target range; null otherwise"),
    unit: z.string().nullable().describe("Unit of the region's target"),
    parent_value: z.number().describe("The parent's target (lower end of a range)"),
    parent_value_max: z.number().nullable().describe("Top of the parent's target range; null otherwise"),
    parent_unit: z.string().nullable().describe("Unit of the parent's target; when it is not the region's, difference compares the numbers as written (see note)"),
    difference: z.number().describe("value − parent_value (the lower ends of ranges)"),
    note: z.string().nullable().describe("Units that differ between the two targets, or another report of the same region or parent and year that gives the target too; null otherwise"),
  })
  .strict();
export type LevelRow = z.infer<typeof LevelRowSchema>;

/** The fixed columns of panel_wide.csv; `<code>_target` and `<code>_actual` columns follow, then notes. */
export const WideKeySchema = z
  .object({
    region: z.string().nullable().describe("Region"),
    region_code: z.string().nullable().describe("Region code; null when the region has none"),
    level: LevelSchema.nullable().describe("Level of the region (national, provincial, city, county, town)"),
    period: z.string().describe("The year (or 2024H1)"),
  })
  .strict();
export type WideKey = z.infer<typeof WideKeySchema>;

/** The last column of panel_wide.csv. */
export const WideNotesSchema = z
  .object({
    notes: z
      .string()
      .nullable()
      .describe("Cells where reports disagree (another report gives another value), and targets a report says it does not set; null when none"),
  })
  .strict();

/** One row of panel_wide.csv: the key columns, one value column per indicator and status, and notes. */
export type WideRow = WideKey & { notes: string | null } & Record<string, string | number | null>;

export const JOINED_PANEL_COLUMNS = Object.keys(JoinedPanelRowSchema.shape) as (keyof JoinedPanelRow)[];
export const ATTAINMENT_COLUMNS = Object.keys(AttainmentRowSchema.shape) as (keyof AttainmentRow)[];
export const LEVEL_COLUMNS = Object.keys(LevelRowSchema.shape) as (keyof LevelRow)[];
export const WIDE_KEY_COLUMNS = Object.keys(WideKeySchema.shape) as (keyof WideKey)[];
