import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

// Builds dist/ once, before any test file runs, when a source or rule file is newer than it. Test files
// that spawn the CLI then only read dist/: none rewrites it while another one runs it.
const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist", "cli.js");
const DICT = join(ROOT, "dist", "dict", "jieba.compact.utf8");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  if (existsSync(CLI) && existsSync(DICT) && newest(join(ROOT, "src")) <= statSync(CLI).mtimeMs) return;
  const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", ROOT], { encoding: "utf8" });
  const post = spawnSync(process.execPath, [join(ROOT, "scripts", "postbuild.mjs")], { encoding: "utf8" });
  if (!existsSync(CLI) || post.status !== 0) throw new Error(`build failed:\n${tsc.stdout}${tsc.stderr}${post.stderr}`);
}
