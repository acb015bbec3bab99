import { normalizeDocId } from "../io/collect.js";
import { availableParallelism } from "node:os";
import { z } from "zod";
import { DEFAULT_MAX_BYTES, parseByteSize } from "../limits.js";

export { parseByteSize };

/** The options of `zhibiao extract`, checked. */
export const ExtractCliOptionsSchema = z
  .object({
    inputs: z.array(z.string().min(1)).min(1, "no input given"),
    out: z.string({ error: "--out <dir> is required (or --out - to stream JSONL to stdout)" }).min(1, "--out <dir> is required"),
    rules: z.array(z.string()).default([]),
    jobs: z.number({ error: "--jobs takes a whole number ≥ 1" }).int("--jobs takes a whole number ≥ 1").min(1, "--jobs takes a whole number ≥ 1").max(256).default(() => availableParallelism()),
    maxBytes: z.number({ error: "--max-bytes takes a size such as 104857600 or 100MB" }).int().positive().default(DEFAULT_MAX_BYTES),
    formats: z.array(z.string()).default([]),
    columns: z.array(z.string()).optional(),
    header: z.enum(["en", "zh"], { error: "--header takes en or zh" }).optional(),
    quiet: z.boolean().default(false),
    ocr: z.boolean().default(false),
    force: z.boolean().default(false),
    meta: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    reportDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "--report-date takes a date YYYY-MM-DD").optional(),
    docId: z.string().refine((s) => normalizeDocId(s) !== "", "--doc-id takes a non-empty id").transform(normalizeDocId).optional(),
    update: z.boolean().default(false),
  })
  .strict();
export type ExtractCliOptions = z.output<typeof ExtractCliOptionsSchema>;
