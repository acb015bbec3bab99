import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { PanelRowSchema, type PanelRow } from "../model/panel.js";
import { OutputDocumentSchema, type JoinedPanelRow, type OutputDocument } from "../model/join.js";
import { jsonlLines } from "./jsonl-reader.js";

/** A folder that is not a usable extract output (missing files, a bad line, another version): exit 1, nothing written. */
export class OutputFolderError extends Error {
  readonly exitCode = 1;
}

/** A document left out because the same text (sha256) came earlier, from this folder or another. */
export interface SkippedDocument {
  folder: string;
  doc_id: string;
  same_as: string;
}

/** A document the extract run could not read (status error in documents.jsonl): it has no panel rows. */
export interface FailedDocument {
  folder: string;
  doc_id: string;
  errors: string[];
}

/**
 * What `readOutputs` read: every kept report's panel rows (with duplicate_of and duplicate_conflict
 * still null: `flagDuplicates` fills them) and the documents it counted, skipped or saw fail.
 */
export interface Outputs {
  rows: JoinedPanelRow[];
  /** Documents counted (status ok, each text once). */
  reports: number;
  skipped: SkippedDocument[];
  failed: FailedDocument[];
}

/** The first problems of a zod parse, as `path: message` (the unknown keys of another version, a missing column …). */
function issues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
  return shown.join("; ") + (error.issues.length > 3 ? `; … ${error.issues.length - 3} more` : "");
}

function parseLine(path: string, line: number, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new OutputFolderError(`${path}:${line}: not a JSON line (${(e as Error).message})`);
  }
}

function checkFolder(dir: string): { documents: string; panel: string } {
  if (!existsSync(dir)) throw new OutputFolderError(`${dir}: no such folder`);
  if (!statSync(dir).isDirectory()) throw new OutputFolderError(`${dir}: not a folder (give the --out folder of 'zhibiao extract')`);
  const documents = join(dir, "documents.jsonl");
  const panel = join(dir, "panel.jsonl");
  if (!existsSync(documents)) throw new OutputFolderError(`${dir}: not an extract output (no documents.jsonl); give the --out folder of 'zhibiao extract'`);
  if (!existsSync(panel)) throw new OutputFolderError(`${dir}: no panel.jsonl: written by a zhibiao without the headline panel; run 'zhibiao extract' again with this version`);
  return { documents, panel };
}

/**
 * Reads the documents.jsonl and panel.jsonl of each extract output folder, line by line. Every line is
 * checked (a documents line must be a document, a panel line a row of this version's PanelRowSchema,
 * naming the document of its folder); a problem throws an OutputFolderError naming the file and line.
 * A text (sha256) met again, in any folder, is counted once (the first doc_id wins); the same doc_id
 * with another text in two folders is an error. A panel row's empty region, region_code, level or
 * report_year is taken from its document line. `await readOutputs(["out2015", "out2016"])` → { rows, reports: 2, skipped: [], failed: [] }.
 */
export async function readOutputs(dirs: readonly string[]): Promise<Outputs> {
  // TODO(format): once extract writes a zhibiao_version/format marker (documents.jsonl), check it here
  // first; until then a folder is compatible when all its lines parse with this version's schemas.
  const bySha = new Map<string, string>();
  const byId = new Map<string, { sha: string | null; folder: string }>();
  const rows: JoinedPanelRow[] = [];
  const skipped: SkippedDocument[] = [];
  const failed: FailedDocument[] = [];
  let reports = 0;
  for (const dir of dirs) {
    const files = checkFolder(dir);
    const kept = new Map<string, OutputDocument>();
    const dropped = new Set<string>();
    for await (const { line, text } of jsonlLines(files.documents)) {
      const parsed = OutputDocumentSchema.safeParse(parseLine(files.documents, line, text));
      if (!parsed.success) throw new OutputFolderError(`${files.documents}:${line}: not a document line of this zhibiao version: ${issues(parsed.error)}`);
      const doc = parsed.data;
      const sha = doc.sha256 ?? null;
      if (kept.has(doc.doc_id) || dropped.has(doc.doc_id)) throw new OutputFolderError(`${files.documents}:${line}: doc_id '${doc.doc_id}' is listed twice`);
      const earlier = byId.get(doc.doc_id);
      if (earlier && earlier.sha !== sha) {
        throw new OutputFolderError(
          `${files.documents}:${line}: doc_id '${doc.doc_id}' is also in ${earlier.folder} with another text; doc ids must be unique across the outputs joined (rename one input and extract again)`,
        );
      }
      const same = sha === null ? undefined : bySha.get(sha);
      if (same !== undefined || earlier) {
        dropped.add(doc.doc_id);
        skipped.push({ folder: dir, doc_id: doc.doc_id, same_as: same ?? `${doc.doc_id} in ${earlier?.folder}` });
        continue;
      }
      if (sha !== null) bySha.set(sha, `${doc.doc_id}${dirs.length > 1 ? ` in ${dir}` : ""}`);
      byId.set(doc.doc_id, { sha, folder: dir });
      kept.set(doc.doc_id, doc);
      if (doc.status === "error") failed.push({ folder: dir, doc_id: doc.doc_id, errors: doc.errors ?? [] });
      else reports++;
    }
    for await (const { line, text } of jsonlLines(files.panel)) {
      const parsed = PanelRowSchema.safeParse(parseLine(files.panel, line, text));
      if (!parsed.success) throw new OutputFolderError(`${files.panel}:${line}: not a panel row of this zhibiao version: ${issues(parsed.error)}`);
      const row: PanelRow = parsed.data;
      if (dropped.has(row.doc_id)) continue;
      const doc = kept.get(row.doc_id);
      if (!doc) throw new OutputFolderError(`${files.panel}:${line}: doc_id '${row.doc_id}' is not in ${files.documents}`);
      // zod's output is a new object of our own: filled in place (no copy of 300,000 rows), keys stay in column order
      row.region ??= doc.region ?? null;
      row.region_code ??= doc.region_code ?? null;
      row.level ??= doc.level ?? null;
      row.report_year ??= doc.report_year ?? null;
      rows.push(Object.assign(row, { duplicate_of: null, duplicate_conflict: null }));
    }
  }
  return { rows, reports, skipped, failed };
}
