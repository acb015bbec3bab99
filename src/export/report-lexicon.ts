import type { RuleSet } from "../rules/load.js";
import type { PageLexicon } from "./report-html.js";

/** What the review page needs of the engine's lexicons and catalogue: `pageLexicon(engine.rules)`. */
export function pageLexicon(rules: RuleSet): PageLexicon {
  const lex = rules.lexicon;
  return {
    units: Object.fromEntries([...lex.units].map(([form, u]) => [form, u.unit])),
    magnitudes: Object.fromEntries(lex.magnitudes),
    qualPrefix: Object.fromEntries(lex.qualPrefix),
    qualSuffix: Object.fromEntries(lex.qualSuffix),
    up: [...lex.up],
    down: [...lex.down],
    codes: Object.fromEntries([...rules.catalogue.byCode].map(([code, ind]) => [code, ind.spec.name_zh])),
  };
}
