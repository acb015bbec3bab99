#!/usr/bin/env node
// After tsc: make the CLI executable and write the compact nodejieba dictionary the tokenizer loads
// (dist/dict/jieba.compact.utf8), so no process has to read and filter the 5 MB full one at start;
// and check every built-in rule and fragment with recheck, writing the verdicts to
// dist/redos-verdicts.json (a worker reads them instead of running recheck); a vulnerable built-in
// pattern fails the build, naming file, line and rule.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
chmodSync(join(root, "dist", "cli.js"), 0o755);
const require = createRequire(import.meta.url);
const { DEFAULT_DICT } = require("nodejieba");
const { compactDictionary, COMPACT_DICT_NAME } = await import(join(root, "dist", "nlp", "tokenizer.js"));
mkdirSync(join(root, "dist", "dict"), { recursive: true });
writeFileSync(join(root, "dist", "dict", COMPACT_DICT_NAME), compactDictionary(readFileSync(DEFAULT_DICT, "utf8")));

const redos = await import(join(root, "dist", "rules", "redos.js"));
const { loadRuleSet, BUILTIN_RULES_DIR } = await import(join(root, "dist", "rules", "load.js"));
const { RESOLVERS } = await import(join(root, "dist", "resolve", "figure.js"));
redos.ignoreVerdictFile();
try {
  loadRuleSet(BUILTIN_RULES_DIR, [], new Set(Object.keys(RESOLVERS)));
} catch (e) {
  process.stderr.write(`postbuild: the built-in rules do not load:\n${e.message}\n`);
  process.exit(1);
}
writeFileSync(join(root, "dist", "redos-verdicts.json"), `${JSON.stringify(redos.verdictFile(), null, 1)}\n`);

// dist/build-id.txt: the sha256 of every built file, so `extract --update` re-extracts everything after a new build.
const { createHash } = await import("node:crypto");
const { readdirSync, statSync } = await import("node:fs");
const dist = join(root, "dist");
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name !== "build-id.txt") files.push(p);
  }
};
walk(dist);
const hash = createHash("sha256");
for (const f of files) hash.update(f.slice(dist.length)).update("\u0000").update(readFileSync(f)).update("\u0000");
writeFileSync(join(dist, "build-id.txt"), hash.digest("hex") + "\n");
