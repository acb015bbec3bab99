/**
 * The extra rule folders of `zhibiao extract --rules`, loaded and checked (schema, fragments, lexicons,
 * ReDoS analysis) in the main thread before any input is opened, stdin included: bad rules exit 1
 * having read nothing. Without extra folders there is nothing to check here: the built-in rules are
 * checked by the build (scripts/postbuild.mjs) and again, from its verdict file, by every engine load.
 */
export async function checkRuleDirs(dirs: readonly string[]): Promise<void> {
  if (!dirs.length) return;
  const [{ loadRuleSet, BUILTIN_RULES_DIR }, { RESOLVERS }] = await Promise.all([import("./load.js"), import("../resolve/figure.js")]);
  loadRuleSet(BUILTIN_RULES_DIR, dirs, new Set(Object.keys(RESOLVERS)));
}
