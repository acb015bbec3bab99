import { fileURLToPath } from "node:url";

/** The package's own rule folder (`rules/` next to `dist/` or `src/`), in a module of its own so that what only needs the path (run.json's rules hash) does not load the rule machinery. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));
