import { z } from "zod";
import { KindSchema, QualifierSchema, StatusSchema } from "../model/record.js";

/** What an example expects of the record it yields (any subset of the record's fields). */
export const ExpectSchema = z
  .object({
    raw: z.string(),
    kind: KindSchema.optional(),
    value: z.number().optional(),
    value_max: z.number().nullable().optional(),
    unit: z.string().optional(),
    qualifier: QualifierSchema.optional(),
    indicator: z.string().optional(),
    status: StatusSchema.optional(),
  })
  .strict();
export type Expect = z.infer<typeof ExpectSchema>;

/** An example: one text (or, Duckling-style, many surface forms) → the record it must yield. */
export const ExampleSchema = z
  .object({
    text: z.string().optional(),
    texts: z.array(z.string()).min(1).optional(),
    expect: ExpectSchema,
  })
  .strict()
  .refine((e) => (e.text === undefined) !== (e.texts === undefined), { message: "give exactly one of text or texts" });
export type Example = z.infer<typeof ExampleSchema>;

export const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One matching rule: a pattern over a normalized sentence, the kind it yields, and its examples. */
export const RuleSchema = z
  .object({
    id: z.string().regex(RULE_ID, "rule ids are kebab-case: lower-case letters, digits and hyphens"),
    description: z.string().min(1),
    kind: KindSchema,
    priority: z.number().int().min(0).max(1000),
    pattern: z.string().min(1),
    resolver: z.string().default("figure"),
    /** Unit given when the pattern captures none (a bare count of people → 人). */
    unit: z.string().optional(),
    /** A sentence must hold one of these strings for the rule to run (a fast prefilter; optional). */
    requires: z.array(z.string().min(1)).min(1).optional(),
    examples: z.array(ExampleSchema).min(1, "a rule needs at least one example"),
    counterexamples: z.array(z.string()).min(1, "a rule needs at least one counterexample: a text it must not match"),
  })
  .strict();
export type RuleSpec = z.infer<typeof RuleSchema>;

export const RuleFileSchema = z.object({ rules: z.array(RuleSchema) }).strict();

/** Shared pattern fragments: NAME → regex text, which may use other {NAME}s. */
/** An empty form would match between any two characters and silently change what every rule matches. */
const EMPTY_FORM = "an empty form (\"\") is not allowed: it would match everywhere";

export const FragmentFileSchema = z.object({ fragments: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string()) }).strict();

export const UnitEntrySchema = z
  .object({
    unit: z.string().min(1),
    dimension: z.string().min(1),
    forms: z.array(z.string().min(1, EMPTY_FORM)).optional(),
    si: z.tuple([z.number().positive(), z.string()]).optional(),
    cn: z.boolean().optional(),
    /** Characters that, right after the form, make it part of a word instead (家 of 家庭). */
    not_before: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type UnitEntry = z.infer<typeof UnitEntrySchema>;

export const LexiconSchemas = {
  units: z.object({ units: z.array(UnitEntrySchema) }).strict(),
  magnitudes: z.object({ magnitudes: z.record(z.string().min(1, EMPTY_FORM), z.number().positive()) }).strict(),
  qualifiers: z
    .object({
      prefix: z.partialRecord(QualifierSchema, z.array(z.string().min(1, EMPTY_FORM))),
      suffix: z.partialRecord(QualifierSchema, z.array(z.string().min(1, EMPTY_FORM))),
    })
    .strict(),
  "change-verbs": z.object({ up: z.array(z.string().min(1, EMPTY_FORM)), down: z.array(z.string().min(1, EMPTY_FORM)), reach: z.array(z.string().min(1, EMPTY_FORM)) }).strict(),
  "domain-terms": z.object({ terms: z.array(z.object({ term: z.string().min(1), tag: z.string().default("nz") }).strict()) }).strict(),
  labels: z.object({ heads: z.array(z.string()), pointers: z.array(z.string()) }).strict(),
  chrome: z.object({ line: z.array(z.string()), tail: z.array(z.string()) }).strict(),
  negatives: z.object({ negatives: z.array(z.object({ text: z.string(), why: z.string() }).strict()) }).strict(),
  "indicator-names": z
    .object({
      scope: z.array(z.string().min(1)),
      noise: z.array(z.string().min(1)),
      growth: z.array(z.string().min(1)),
      joiners: z.array(z.string().min(1)),
      modifiers: z.array(z.string().min(1)),
      split: z.record(z.string().min(1), z.array(z.string().min(1)).min(2)),
    })
    .partial()
    .strict(),
  misses: z
    .object({
      number_like: z.array(z.string().min(1)),
      not_figures: z.array(z.object({ pattern: z.string().min(1), why: z.string().min(1) }).strict()),
      examples: z.array(z.object({ text: z.string().min(1), candidates: z.array(z.string().min(1)) }).strict()),
      counterexamples: z.array(z.string().min(1)),
    })
    .partial()
    .strict(),
  headline: z
    .object({
      main_targets: z.array(z.string().min(1)),
      sub_regions: z.array(z.string().min(1)),
      whole_region: z.array(z.string().min(1)),
      like_for_like: z.array(z.string().min(1)),
      totals: z.array(z.string().min(1)),
      one_year: z.array(z.string().min(1)),
      not_headline: z.array(z.string().min(1)),
      not_headline_patterns: z.array(z.string().min(1)),
      cap: z.array(z.string().min(1)),
      floor: z.array(z.string().min(1)),
      absent: z.array(z.string().min(1)),
    })
    .partial()
    .strict(),
} as const;
export type LexiconName = keyof typeof LexiconSchemas;
