/**
 * run.json: what made an output folder — the program, the rules and the options of the run, and for
 * every input in order its doc_id, path, sha256, the metadata given for it, and where its bytes are in
 * each output file. `extract --update` reads it to copy the output of inputs that did not change
 * instead of extracting them again. It holds nothing that differs between two runs over the same
 * inputs (no time, no folder), so an update and a full run write the same run.json too.
 */
import { z } from "zod";

/** The files of a run whose bytes are kept per input (records.xlsx is rebuilt from records.jsonl). */
export const LEDGER_FILES = ["records.jsonl", "records.csv", "statements.csv", "documents.jsonl", "diagnostics.jsonl", "panel.jsonl", "panel.csv"] as const;
export type LedgerFile = (typeof LEDGER_FILES)[number];

/** The version of run.json's layout; a run.json of another version is not reused (a full run). */
export const RUN_STATE_VERSION = 1;

const Range = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

export const RunItemSchema = z
  .object({
    doc_id: z.string().nullable(),
    path: z.string(),
    sha256: z.string().nullable(),
    /** sha256 of the metadata given for the input (--meta row, --region, --report-date), or null. */
    meta: z.string().nullable(),
    /** True when an update may copy this input's output (read and extracted without error, doc_id its own). */
    reusable: z.boolean(),
    records: z.number().int().nonnegative(),
    cells: z.number().int().nonnegative(),
    /** [offset, length] of the input's bytes in each output file that has any. */
    ranges: z.partialRecord(z.enum(LEDGER_FILES), Range),
  })
  .strict();
export type RunItem = z.infer<typeof RunItemSchema>;

export const RunFingerprintSchema = z
  .object({
    version: z.string(),
    /** sha256 of the built program (dist/build-id.txt), so a new build re-extracts everything. */
    build: z.string(),
    /** sha256 of every rule, lexicon and catalogue file loaded (built-in and --rules), by relative path. */
    rules: z.string(),
    /** The options that change the bytes written: columns, header, formats, ocr. */
    options: z.record(z.string(), z.unknown()),
  })
  .strict();
export type RunFingerprint = z.infer<typeof RunFingerprintSchema>;

export const RunStateSchema = RunFingerprintSchema.extend({ zhibiao_run: z.literal(RUN_STATE_VERSION), items: z.array(RunItemSchema) }).strict();
export type RunState = z.infer<typeof RunStateSchema>;

/** run.json's text: the fingerprint on the first line, then one input a line (diffs stay readable). */
export function runStateJson(fp: RunFingerprint, items: readonly RunItem[]): string {
  const head = JSON.stringify({ zhibiao_run: RUN_STATE_VERSION, ...fp });
  const lines = items.map((i) => JSON.stringify(i));
  return `${head.slice(0, -1)},"items":[${lines.length ? `\n${lines.join(",\n")}\n` : ""}]}\n`;
}

/** The fingerprint part of a run.json that parses, else null (with why): `parseRunState(text)`. */
export function parseRunState(text: string): { state: RunState } | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problem: `run.json is not JSON (${(e as Error).message})` };
  }
  if (!raw || typeof raw !== "object" || (raw as { zhibiao_run?: unknown }).zhibiao_run !== RUN_STATE_VERSION) return { problem: `run.json is not of layout ${RUN_STATE_VERSION}` };
  const parsed = RunStateSchema.safeParse(raw);
  if (!parsed.success) return { problem: `run.json does not have the expected fields (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})` };
  return { state: parsed.data };
}

/** Why two fingerprints differ ("the rules changed"), or null when they are the same. */
export function fingerprintChange(before: RunFingerprint, now: RunFingerprint): string | null {
  if (before.version !== now.version || before.build !== now.build) return "the program changed";
  if (before.rules !== now.rules) return "the rules changed";
  if (JSON.stringify(before.options) !== JSON.stringify(now.options)) return "the output options changed";
  return null;
}
