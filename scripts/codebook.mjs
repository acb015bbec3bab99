#!/usr/bin/env node
// Writes docs/codebook.md from the record schema (through the built dist/). `--check` exits 1 when the file drifts.
// Usage: npm run codebook            (builds, then writes docs/codebook.md)
//        node scripts/codebook.mjs --check
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const target = fileURLToPath(new URL("../docs/codebook.md", import.meta.url));
let mod;
try {
  mod = await import("../dist/export/codebook-markdown.js");
} catch (e) {
  process.stderr.write(`codebook: cannot load dist/export/codebook-markdown.js (run 'npm run build' first): ${e.message}\n`);
  process.exit(1);
}
const md = mod.codebookMarkdown();
let current = null;
try {
  current = readFileSync(target, "utf8");
} catch {
  current = null;
}
if (process.argv.includes("--check")) {
  if (current !== md) {
    process.stderr.write("codebook: docs/codebook.md differs from the schema; run 'npm run codebook'\n");
    process.exit(1);
  }
  process.stdout.write("codebook: docs/codebook.md is up to date\n");
} else if (current === md) {
  process.stdout.write("codebook: docs/codebook.md is up to date\n");
} else {
  writeFileSync(target, md);
  process.stdout.write("codebook: wrote docs/codebook.md\n");
}
