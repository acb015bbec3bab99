import { z } from "zod";

/** Options of the library API `extract(text, options)`. */
export const ExtractOptionsSchema = z
  .object({
    doc_id: z.string().min(1).default("doc"),
    /** Extra rule folders loaded on top of the built-in rules. */
    rules: z.array(z.string()).default([]),
    /** Overrides for what the front matter gives (e.g. when the text has no front matter). */
    report_date: z.string().nullable().optional(),
    region: z.string().nullable().optional(),
    region_code: z.string().nullable().optional(),
    level: z.enum(["national", "provincial", "city", "county", "town"]).nullable().optional(),
    report_year: z.number().int().nullable().optional(),
    title: z.string().nullable().optional(),
    /** Where the text came from, for the records' `path` column. */
    path: z.string().nullable().optional(),
  })
  .strict();
export type ExtractOptions = z.input<typeof ExtractOptionsSchema>;
export type ResolvedExtractOptions = z.output<typeof ExtractOptionsSchema>;
