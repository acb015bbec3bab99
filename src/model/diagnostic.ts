import { z } from "zod";

export const SeveritySchema = z.enum(["error", "warning", "info"]);

/** A problem found by a stage: returned as a value, written to diagnostics.jsonl, never thrown away. */
export const DiagnosticSchema = z
  .object({
    doc_id: z.string().nullable(),
    path: z.string().nullable(),
    severity: SeveritySchema,
    stage: z.string(),
    code: z.string(),
    message: z.string(),
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
  })
  .strict();

export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** Builds a diagnostic with the optional fields nulled. */
export function diagnostic(d: Partial<Diagnostic> & Pick<Diagnostic, "severity" | "stage" | "code" | "message">): Diagnostic {
  return { doc_id: null, path: null, start: null, end: null, ...d };
}
