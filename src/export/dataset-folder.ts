import { existsSync, readdirSync, statSync } from "node:fs";

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
const FOLDER_NOTES = new Set(["README.md", "README", "README.txt", ".gitkeep", ".gitignore"]);
export const OUTPUT_FILES = ["records.jsonl", "records.csv", "statements.csv", "documents.jsonl", "diagnostics.jsonl", "panel.jsonl", "panel.csv", "records.xlsx"] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];
/** The output files every run writes (records.xlsx only with --format xlsx). */
export const TEXT_OUTPUTS = OUTPUT_FILES.filter((f) => f !== "records.xlsx");

/** The temporary name of an output file while a run writes it: `.records.csv.<pid>.tmp` (`.part.tmp` for the statements spill). */
export const TEMP_NAME = /^\.(records\.jsonl|records\.csv|statements\.csv|documents\.jsonl|diagnostics\.jsonl|panel\.jsonl|panel\.csv|records\.xlsx)\.(\d+)(\.part)?\.tmp$/;

/** `tempName("records.csv")` → ".records.csv.<pid>.tmp". */
export function tempName(name: string, part = false, pid = process.pid): string {
  return `.${name}.${pid}${part ? ".part" : ""}.tmp`;
}

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
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) throw new OutputDirError(`--out ${dir}: not a folder`);
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
