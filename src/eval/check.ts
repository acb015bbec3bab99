import { existsSync } from "node:fs";
import { readDocument } from "../io/read.js";
import { createEngine, type Engine } from "../pipeline/engine.js";
import { extractDocument } from "../pipeline/document.js";
import type { KnownReport } from "./known.js";
import { readExpected, writeExpected, type StoredRecord } from "./expected.js";
import { diffRecords, isClean, type RecordDiff } from "./diff.js";

export interface CheckOptions {
  /** Replaces the built-in rule folder (rules/). */
  baseRulesDir?: string;
  /** Extra rule folders loaded on top. */
  rulesDirs?: readonly string[];
  /** Rewrite the expected files with the new records. */
  update?: boolean;
}

/** The outcome of one known report. */
export interface ReportCheck {
  doc_id: string;
  text: string;
  expected: string;
  /**
   * clean: same records; changed: some differ; new: no expected file yet; updated: the expected file
   * was rewritten (--update); error: the report could not be read or extracted.
   */
  status: "clean" | "changed" | "new" | "updated" | "error";
  error: string | null;
  expected_count: number;
  actual_count: number;
  diff: RecordDiff;
}

export interface CheckResult {
  reports: ReportCheck[];
  /** Reports whose records differ from the expected ones (before any update). */
  differing: number;
  errors: number;
}

const EMPTY_DIFF: RecordDiff = { added: [], removed: [], changed: [], unchanged: 0 };

/** Re-extracts every known report and compares it with its expected records: `await runCheck(loadKnown(f))`. */
export async function runCheck(reports: readonly KnownReport[], opts: CheckOptions = {}): Promise<CheckResult> {
  const engine = createEngine({ baseRulesDir: opts.baseRulesDir, rulesDirs: opts.rulesDirs ?? [] });
  const out: ReportCheck[] = [];
  for (const r of reports) out.push(await checkReport(r, engine, opts.update ?? false));
  return {
    reports: out,
    differing: out.filter((r) => r.status === "new" || (r.status !== "error" && !isClean(r.diff))).length,
    errors: out.filter((r) => r.status === "error").length,
  };
}

/** Checks one known report against its expected file with a loaded engine: `await checkReport(report, engine)`. */
export async function checkReport(r: KnownReport, engine: Engine, update = false): Promise<ReportCheck> {
  const base = { doc_id: r.doc_id, text: r.text, expected: r.expected };
  if (!existsSync(r.textPath)) {
    return { ...base, status: "error", error: `${r.text}: text file not found (${r.textPath})`, expected_count: 0, actual_count: 0, diff: EMPTY_DIFF };
  }
  let actual: StoredRecord[];
  let expected: StoredRecord[] | null;
  try {
    const doc = await readDocument(r.textPath);
    actual = (await extractDocument({ ...doc, path: r.text }, engine)).records;
    expected = readExpected(r.expectedPath);
  } catch (e) {
    return { ...base, status: "error", error: `${r.text}: ${(e as Error).message}`, expected_count: 0, actual_count: 0, diff: EMPTY_DIFF };
  }
  const diff = diffRecords(expected ?? [], actual);
  const counts = { expected_count: expected?.length ?? 0, actual_count: actual.length };
  if (update) {
    const wrote = writeExpected(r.expectedPath, actual);
    return { ...base, status: wrote ? "updated" : "clean", error: null, ...counts, diff };
  }
  const status = expected === null ? "new" : isClean(diff) ? "clean" : "changed";
  return { ...base, status, error: null, ...counts, diff };
}
