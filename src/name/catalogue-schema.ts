import { z } from "zod";
import { DirectionSchema, MeasureSchema } from "../model/panel.js";
import { KindSchema } from "../model/record.js";

/** Indicator codes are snake_case and never renamed: `gdp_growth`. */
export const CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** An example of an indicator entry: a sentence in which some figure must get the code (with this record value). */
export const IndicatorExampleSchema = z.object({ text: z.string().min(1), value: z.number() }).strict();

/** One canonical indicator of the catalogue (rules/indicators/*.yaml). */
export const IndicatorSpecSchema = z
  .object({
    code: z.string().regex(CODE, "indicator codes are snake_case: lower-case letters, digits and underscores"),
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    measure: MeasureSchema,
    /** The dimension of the unit the indicator takes (money, count, mass, percent …). */
    dimension: z.string().min(1),
    direction: DirectionSchema,
    /** For a level: the code of its growth rate (gdp → gdp_growth). */
    growth: z.string().regex(CODE).optional(),
    /** For a growth rate: the level it is the growth of (its forms name this growth too). */
    of: z.string().regex(CODE).optional(),
    /** The kinds of record that can give this indicator's value (default by measure: level → quantity; growth → change, rate; rate → rate, share). */
    kinds: z.array(KindSchema).min(1).optional(),
    /** The indicator as records name it, scope words taken off (rules/lexicon/indicator-names.yaml). */
    forms: z.array(z.string().min(1)),
    /** Forms too general to name the indicator but in a sentence listing the year's main targets, or as the growth of the year its clause names (全年投资增长5% → fai_growth). */
    weak_forms: z.array(z.string().min(1)).optional(),
    /** A figure over several years is their total, never an end level (城镇新增就业: jobs added over five years). */
    sums: z.boolean().optional(),
    /** Regular expressions that must match the whole phrase, for forms with a variable part (来源于…的财政总收入). */
    patterns: z.array(z.string().min(1)).optional(),
    /** Forms that give the indicator as an index (居民消费价格指数102%): coded as the index − 100. */
    index_forms: z.array(z.string().min(1)).optional(),
    examples: z.array(IndicatorExampleSchema).min(1, "an indicator needs at least one example"),
    counterexamples: z.array(z.string().min(1)).min(1, "an indicator needs at least one counterexample: a sentence where no figure may get it"),
  })
  .strict();
export type IndicatorSpec = z.infer<typeof IndicatorSpecSchema>;

export const IndicatorFileSchema = z.object({ indicators: z.array(IndicatorSpecSchema) }).strict();
