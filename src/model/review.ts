import { z } from "zod";
import { KindSchema, QualifierSchema, StatusSchema } from "./record.js";

/** The version of the review file format this zhibiao writes and reads (docs/review.md). */
export const REVIEW_VERSION = 1;

/**
 * The fields a reviewer sees and may correct on a record: the nine of the issue, and section_title,
 * which the gold format of ../shared/gold needs. Every field is optional in a correction.
 */
export const ReviewFieldsSchema = z
  .object({
    value: z.number().describe("The number, magnitude folded in (7248亿元 → 724800000000)"),
    value_max: z.number().nullable().describe("Top of a range, or null"),
    unit: z.string().describe("Base unit: 元, 人, %, 个百分点 …"),
    kind: KindSchema,
    qualifier: QualifierSchema,
    indicator: z.string().nullable(),
    indicator_code: z.string().nullable(),
    status: StatusSchema,
    period: z.string().nullable(),
    section_title: z.string().nullable(),
  })
  .strict();
export type ReviewFields = z.infer<typeof ReviewFieldsSchema>;

/** The names of the reviewable fields, in order. */
export const REVIEW_FIELDS = Object.keys(ReviewFieldsSchema.shape) as (keyof ReviewFields)[];

const Span = {
  doc_id: z.string().min(1).describe("The document (as in the header's documents)"),
  start: z.number().int().nonnegative().describe("UTF-16 offset of the mention in the source text"),
  end: z.number().int().nonnegative().describe("Offset just after it"),
  raw: z.string().describe("source.slice(start, end)"),
  note: z.string().optional().describe("The reviewer's note, for people"),
};

/** A record of the page judged right, wrong or corrected; `shown` is the record as the reviewer saw it. */
const JudgedRecord = {
  ...Span,
  record_id: z.string().min(1).describe("The record judged (opaque: compared, never parsed)"),
  shown: ReviewFieldsSchema.partial().describe("The reviewable fields as the page showed them"),
};

export const RightItemSchema = z.object({ verdict: z.literal("right"), ...JudgedRecord }).strict();
export const WrongItemSchema = z.object({ verdict: z.literal("wrong"), ...JudgedRecord }).strict();
export const CorrectedItemSchema = z
  .object({ verdict: z.literal("corrected"), ...JudgedRecord, fields: ReviewFieldsSchema.partial().describe("The fields the reviewer changed, with their right values") })
  .strict()
  .refine((o) => Object.keys(o.fields).length > 0, { message: "a correction changes at least one field", path: ["fields"] });
/** A figure the rules missed, added by the reviewer: kind, value and unit at least. */
export const AddedItemSchema = z
  .object({
    verdict: z.literal("added"),
    ...Span,
    from: z.enum(["selection", "miss"]).optional().describe("How it was added: a text selection, or a candidate miss accepted"),
    fields: ReviewFieldsSchema.partial().required({ kind: true, value: true, unit: true }),
  })
  .strict();
/** A candidate miss (a number no record covers) the reviewer says is not a figure. */
export const DismissedItemSchema = z.object({ verdict: z.literal("dismissed"), ...Span }).strict();

/** The headline cell a panel verdict is about, as the page showed it. */
export const ReviewCellSchema = z
  .object({
    indicator_code: z.string().min(1),
    status: StatusSchema,
    period: z.string(),
    record_id: z.string().nullable(),
    value: z.number().nullable(),
    value_max: z.number().nullable(),
    unit: z.string().nullable(),
    qualifier: QualifierSchema.nullable(),
    raw: z.string(),
  })
  .strict();
export const CellFieldsSchema = z
  .object({ value: z.number(), value_max: z.number().nullable(), unit: z.string(), qualifier: QualifierSchema, status: StatusSchema, period: z.string(), indicator_code: z.string().min(1) })
  .partial()
  .strict();
/** A verdict on a headline panel cell. */
export const PanelItemSchema = z
  .object({
    verdict: z.enum(["right", "wrong", "corrected"]),
    doc_id: z.string().min(1),
    cell: ReviewCellSchema,
    fields: CellFieldsSchema.optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((o) => (o.verdict === "corrected") === (o.fields !== undefined && Object.keys(o.fields).length > 0), {
    message: "a corrected cell has the changed fields (at least one); a right or wrong one has none",
    path: ["fields"],
  });

/** One document of the review, in the header. */
export const ReviewDocumentSchema = z
  .object({
    doc_id: z.string().min(1),
    path: z.string().describe("The input as given to zhibiao report"),
    chars: z.number().int().nonnegative(),
    text_sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("sha256 of the decoded text the offsets index"),
    complete: z.boolean().describe("The reviewer went through the whole document: every record not marked is right (exported as right)"),
  })
  .strict();

/** The first line of a review file. */
export const ReviewHeaderSchema = z
  .object({
    zhibiao_review: z.literal(REVIEW_VERSION),
    tool: z.string().describe("zhibiao and its version that wrote the page"),
    title: z.string().optional(),
    saved: z.string().optional().describe("When the reviewer exported it (ISO 8601)"),
    documents: z.array(ReviewDocumentSchema),
  })
  .strict();
export type ReviewHeader = z.infer<typeof ReviewHeaderSchema>;
export type ReviewDocument = z.infer<typeof ReviewDocumentSchema>;

export type RightItem = z.infer<typeof RightItemSchema>;
export type WrongItem = z.infer<typeof WrongItemSchema>;
export type CorrectedItem = z.infer<typeof CorrectedItemSchema>;
export type AddedItem = z.infer<typeof AddedItemSchema>;
export type DismissedItem = z.infer<typeof DismissedItemSchema>;
export type PanelItem = z.infer<typeof PanelItemSchema>;
export type RecordItem = RightItem | WrongItem | CorrectedItem;
export type ReviewItem = RecordItem | AddedItem | DismissedItem | PanelItem;

/** The schema of one item line: a panel verdict when it has `cell`, else by `verdict`. */
export function itemSchemaOf(o: Record<string, unknown>): z.ZodType<ReviewItem> | null {
  if ("cell" in o) return PanelItemSchema;
  switch (o.verdict) {
    case "right": return RightItemSchema;
    case "wrong": return WrongItemSchema;
    case "corrected": return CorrectedItemSchema;
    case "added": return AddedItemSchema;
    case "dismissed": return DismissedItemSchema;
    default: return null;
  }
}

/** True for a verdict on a panel cell. */
export const isPanelItem = (i: ReviewItem): i is PanelItem => "cell" in i;
