import { z } from "zod";

export const LevelSchema = z.enum(["national", "provincial", "city", "county", "town"]);
export type Level = z.infer<typeof LevelSchema>;

/** What the report says about itself (front matter); a field the report does not give is null. */
export const DocumentMetaSchema = z
  .object({
    title: z.string().nullable(),
    region: z.string().nullable(),
    /** GB/T 2260 code of the region (src/regions), or null when unknown or ambiguous. */
    region_code: z.string().nullable(),
    /** The codes of the regions above it, nearest first, up to the nation (000000); empty when the code is unknown. */
    region_parents: z.array(z.string()),
    province: z.string().nullable(),
    city: z.string().nullable(),
    county: z.string().nullable(),
    town: z.string().nullable(),
    level: LevelSchema.nullable(),
    session: z.string().nullable(),
    speaker: z.string().nullable(),
    speaker_title: z.string().nullable(),
    report_date: z.string().nullable(),
    report_year: z.number().int().nullable(),
    review_period: z.string().nullable(),
    plan_period: z.string().nullable(),
  })
  .strict();
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

/** One line of documents.jsonl: one per input, failed or not. */
export const DocumentRecordSchema = z
  .object({
    doc_id: z.string(),
    path: z.string(),
    status: z.enum(["ok", "error"]),
    reader: z.string().nullable(),
    encoding: z.string().nullable(),
    bytes: z.number().int().nullable(),
    chars: z.number().int().nullable(),
    sha256: z.string().nullable(),
    record_count: z.number().int(),
    errors: z.array(z.string()),
  })
  .extend(DocumentMetaSchema.shape)
  .strict();
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

export const EMPTY_META: DocumentMeta = {
  title: null, region: null, region_code: null, region_parents: [], province: null, city: null, county: null, town: null, level: null,
  session: null, speaker: null, speaker_title: null, report_date: null, report_year: null,
  review_period: null, plan_period: null,
};
