import { accessSync, constants, existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { randomTag } from "../io/temp.js";

/**
 * The output folder policy of `zhibiao extract --out <dir>` (issue 9), kept free of heavy imports so
 * the command can check it before any worker starts.
 *
 * A run owns exactly the names below. `dir` may be missing, empty, or hold only those names (an earlier
 * run's outputs) and the temporaries of a run; the run then replaces them, and removes an earlier run's
 * output it does not write itself (records.xlsx without `--format xlsx`), so the folder never mixes two
 * runs. A folder holding anything else is refused unless `force`: the run then writes its files there
 * and leaves the others alone. A note kept in the folder for people or git (README.md, .gitkeep,
 * .gitignore) is not a run's output and never in the way: the project's own output/ has one.
 */
const FOLDER_NOTES = new Set(["README.md", "README", "README.txt", ".gitkeep", ".gitignore", ".zhibiao.lock"]);
export const OUTPUT_FILES = ["records.jsonl", "records.csv", "statements.csv", "documents.jsonl", "documents.csv", "diagnostics.jsonl", "panel.jsonl", "panel.csv", "records.xlsx", "run.json"] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];
/** The output files every run appends to as documents come (records.xlsx only with --format xlsx; documents.csv is written at the end from documents.jsonl). */
export const TEXT_OUTPUTS = OUTPUT_FILES.filter((f) => f !== "records.xlsx" && f !== "documents.csv" && f !== "run.json");

/**
 * The temporary name of an output file while a run writes it: `.records.csv.<pid>.<12 random hex>.tmp`
 * (`.part.tmp` for the statements spill); the names of earlier versions, without the random part, too.
 */
export const TEMP_NAME = /^\.(records\.jsonl|records\.csv|statements\.csv|documents\.jsonl|documents\.csv|diagnostics\.jsonl|panel\.jsonl|panel\.csv|records\.xlsx|run\.json)\.(\d+)(?:\.[0-9a-f]{12})?(\.part)?\.tmp$/;

/** The random part of this process's temporary names: unpredictable, so nothing can be planted at them. */
const RUN_TAG = randomTag();

/** `tempName("records.csv")` → ".records.csv.<pid>.<random>.tmp". */
export function tempName(name: string, part = false, pid = process.pid, tag = RUN_TAG): string {
  return `.${name}.${pid}.${tag}${part ? ".part" : ""}.tmp`;
}

/** The lock file of a run writing into the folder: it holds the run's pid. */
export const LOCK_NAME = ".zhibiao.lock";

/** The output folder cannot be used: not a folder, or it holds files zhibiao did not write (without force). */
export class OutputDirError extends Error {
  readonly exitCode = 1;
}

/**
 * Checks the policy without writing anything; throws an OutputDirError when `dir` is not a folder, or
 * holds other files and `force` is not set. Returns the foreign entries (left alone, with force):
 * `checkOutputDir("output")` → [].
 */
export function checkOutputDir(dir: string, force = false): string[] {
  if (!existsSync(dir)) {
    checkWritable(nearestExisting(dir), dir);
    return [];
  }
  if (!statSync(dir).isDirectory()) throw new OutputDirError(`--out ${dir}: not a folder`);
  checkWritable(dir, dir);
  // an output name taken by a folder or anything but a file would fail its rename after others were replaced
  for (const name of OUTPUT_FILES) {
    const st = lstatOrNull(`${dir}/${name}`);
    if (st && !st.isFile() && !st.isSymbolicLink()) throw new OutputDirError(`--out ${dir}: ${name} there is ${st.isDirectory() ? "a folder" : "not a file"}; zhibiao cannot replace it`);
  }
  const foreign = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !(e.isFile() && ((OUTPUT_FILES as readonly string[]).includes(e.name) || TEMP_NAME.test(e.name) || FOLDER_NOTES.has(e.name))))
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    .sort();
  if (foreign.length && !force) {
    const shown = foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? `, … ${foreign.length - 5} more` : "");
    throw new OutputDirError(
      `--out ${dir} holds files zhibiao did not write (${shown}); use a new or empty folder, or add --force to write there anyway (only zhibiao's own output files are replaced)`,
    );
  }
  return foreign;
}

function lstatOrNull(path: string): import("node:fs").Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** The folder itself, or the nearest of its parents that exists (where `mkdir -p` would start). */
function nearestExisting(dir: string): string {
  let d = resolve(dir);
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d);
  return d;
}

/** Refuses, before any input is read, an --out where files cannot be created (read-only, no permission). */
function checkWritable(where: string, dir: string): void {
  try {
    accessSync(where, constants.W_OK | constants.X_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    throw new OutputDirError(`--out ${dir}: cannot write there (${code === "EROFS" ? "read-only file system" : code === "EACCES" || code === "EPERM" ? `permission denied on ${where}` : code})`);
  }
}
