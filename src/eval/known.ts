import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ConfigError } from "../commands/args.js";

/** One entry of corpus/known.yaml: a report whose extracted records are reviewed and committed. */
export const KnownReportSchema = z
  .object({
    /** The report's doc_id: its text file name without extension. */
    doc_id: z.string().regex(/^[^/\\\s]+$/, "a file name without folders or spaces"),
    /** The report's text, relative to the project root. */
    text: z.string().min(1),
    /** Its expected records, relative to the project root (default corpus/expected/<doc_id>.jsonl). */
    expected: z.string().min(1).optional(),
    /** Why the report is here, what it covers: for people, not read by the tool. */
    note: z.string().optional(),
  })
  .strict();

/** corpus/known.yaml: the known reports of the project. */
export const KnownFileSchema = z
  .object({
    /** The project root, relative to the folder holding known.yaml (default ".."). */
    root: z.string().optional(),
    reports: z.array(KnownReportSchema).min(1),
  })
  .strict()
  .superRefine((k, ctx) => {
    const seen = new Set<string>();
    k.reports.forEach((r, i) => {
      if (seen.has(r.doc_id)) ctx.addIssue({ code: "custom", path: ["reports", i, "doc_id"], message: `duplicate doc_id ${r.doc_id}` });
      seen.add(r.doc_id);
      const base = r.text.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
      if (base !== r.doc_id) {
        ctx.addIssue({ code: "custom", path: ["reports", i, "text"], message: `text file ${r.text} gives doc_id ${base}, not ${r.doc_id}` });
      }
    });
  });

export type KnownFile = z.infer<typeof KnownFileSchema>;

/** A known report with its paths resolved. */
export interface KnownReport {
  doc_id: string;
  /** Text path as written in known.yaml (for messages). */
  text: string;
  /** Expected records path as written (or defaulted). */
  expected: string;
  textPath: string;
  expectedPath: string;
}

/** The default place of the known reports list, relative to the project root. */
export const DEFAULT_KNOWN_FILE = "corpus/known.yaml";

/** Reads and validates known.yaml, resolving paths from the project root: `loadKnown("corpus/known.yaml")`. */
export function loadKnown(file: string): KnownReport[] {
  if (!existsSync(file)) throw new ConfigError(`${file}: no such file (the list of known reports)`);
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, "utf8"));
  } catch (e) {
    throw new ConfigError(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  const parsed = KnownFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(top)"}: ${i.message}`);
    throw new ConfigError(`${file}: invalid known reports list:\n${issues.join("\n")}`);
  }
  const root = resolve(dirname(file), parsed.data.root ?? "..");
  return parsed.data.reports.map((r) => {
    const expected = r.expected ?? `corpus/expected/${r.doc_id}.jsonl`;
    return { doc_id: r.doc_id, text: r.text, expected, textPath: resolve(root, r.text), expectedPath: resolve(root, expected) };
  });
}
