import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { VERSION } from "../version.js";
import type { RunFingerprint } from "../export/run-state.js";

/** dist/build-id.txt, written by scripts/postbuild.mjs: the sha256 of every built file. "unbuilt" when missing. */
function buildId(): string {
  try {
    return readFileSync(new URL("../build-id.txt", import.meta.url), "utf8").trim();
  } catch {
    return "unbuilt";
  }
}

/** Every file under `dir`, recursively, as paths relative to it, sorted. */
function filesUnder(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p, root));
    else if (st.isFile()) out.push(relative(root, p));
  }
  return out;
}

/** sha256 of the rule folders (built-in first, then each --rules in order): every file's relative path and bytes. */
export function rulesHash(dirs: readonly string[]): string {
  const h = createHash("sha256");
  dirs.forEach((dir, i) => {
    for (const rel of filesUnder(dir)) {
      h.update(`${i}\u0000${rel}\u0000`);
      h.update(readFileSync(join(dir, rel)));
      h.update("\u0000");
    }
  });
  return h.digest("hex");
}

/**
 * What decides the bytes of a run besides its inputs: the program (version and build), the rules and
 * the output options: `runFingerprint([BUILTIN_RULES_DIR, ...opts.rules], { columns, header, formats, ocr })`.
 */
export function runFingerprint(ruleDirs: readonly string[], options: Record<string, unknown>): RunFingerprint {
  return { version: VERSION, build: buildId(), rules: rulesHash(ruleDirs), options };
}

/** sha256 of the metadata given for one input (--meta row, --region, --report-date), keys sorted; null when none. */
export function metaHash(meta: object | undefined | null): string | null {
  if (!meta) return null;
  const sorted = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex");
}
