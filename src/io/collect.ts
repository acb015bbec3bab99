import { readdirSync, statSync } from "node:fs";
import { join, extname, basename } from "node:path";

/** The input formats zhibiao reads, by extension. */
export const KNOWN_EXTENSIONS = new Set([".txt"]);

export interface CollectedInputs {
  files: string[];
  /** Files found in folders that zhibiao does not read, and paths that do not exist. */
  skipped: { path: string; reason: string }[];
  missing: string[];
}

/** Expands files and folders (recursively) into the files to read, sorted: `collectInputs(["seeds"])`. */
export function collectInputs(paths: string[]): CollectedInputs {
  const files: string[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (KNOWN_EXTENSIONS.has(extname(name).toLowerCase())) files.push(p);
      else skipped.push({ path: p, reason: `not a format zhibiao reads (${extname(name) || "no extension"})` });
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, skipped, missing };
}

/** The doc_id of a file: its name without extension. */
export function docIdOf(path: string): string {
  return basename(path, extname(path));
}
