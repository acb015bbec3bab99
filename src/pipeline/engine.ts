import { BUILTIN_RULES_DIR, loadRuleSet, type RuleSet } from "../rules/load.js";
import { RESOLVERS } from "../resolve/figure.js";
import { createTokenizer, type Tokenizer } from "../nlp/tokenizer.js";

/** Everything the stages need that is loaded once per process (or worker): rules, lexicons, tokenizer. */
export interface Engine {
  readonly rulesDirs: readonly string[];
  readonly rules: RuleSet;
  readonly tokenizer: Tokenizer;
}

export interface EngineOptions {
  /** The folder of built-in rules (default: the package's own rules/); tests point it at a modified copy. */
  baseRulesDir?: string;
  /** Extra rule folders, loaded on top of the built-in rules. */
  rulesDirs?: readonly string[];
}

/**
 * Loads and validates the rules (throws a RuleLoadError — exit 1 — naming file, line and rule on bad
 * rules) and nodejieba with the domain terms: `createEngine({ rulesDirs: ["my-rules"] })`.
 */
export function createEngine(opts: EngineOptions = {}): Engine {
  const rulesDirs = opts.rulesDirs ?? [];
  const rules = loadRuleSet(opts.baseRulesDir ?? BUILTIN_RULES_DIR, rulesDirs, new Set(Object.keys(RESOLVERS)));
  const tokenizer = createTokenizer(rules.lexicon.terms);
  return { rulesDirs, rules, tokenizer };
}
