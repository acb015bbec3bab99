import { extname } from "node:path";
import type { ItemOutcome } from "./outcome.js";

/**
 * The files of a batch that were not read, by extension, for stderr and the summary line:
 * `tally.add(o)` → "zhibiao: a/notes.xls: skipped, not a format zhibiao reads (.xls)";
 * `tally.summary()` → "; 3 files skipped: 2 .xls, 1 .zip".
 */
export class SkippedFiles {
  private readonly byExtension = new Map<string, number>();
  private total = 0;

  /** Counts an outcome if it is a skipped file, returning the stderr line that names it (null otherwise). */
  add(o: ItemOutcome): string | null {
    if (!o.skipped || o.skipped.code !== "skipped-format") return null;
    const ext = extname(o.path).toLowerCase() || "(no extension)";
    this.byExtension.set(ext, (this.byExtension.get(ext) ?? 0) + 1);
    this.total++;
    return `zhibiao: ${o.path}: skipped, ${o.skipped.reason}`;
  }

  /** The summary line's tail ("" when nothing was skipped), most frequent extension first. */
  summary(): string {
    if (!this.total) return "";
    const parts = [...this.byExtension].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ext, n]) => `${n} ${ext}`);
    return `; ${this.total} file${this.total === 1 ? "" : "s"} skipped: ${parts.join(", ")}`;
  }
}
