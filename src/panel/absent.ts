import type { Sentence } from "../segment/types.js";
import type { Lexicon } from "../rules/lexicon.js";
import type { Catalogue } from "../name/catalogue.js";
import { lookupPhrase } from "../name/name.js";
import type { AbsentStatement } from "./panel.js";

/**
 * Statements that the report sets no target for an indicator (rules/lexicon/headline.yaml `absent`):
 * `absentStatements(sentences, source, lex, cat)` → [{ code: "gdp_growth", raw: "没有提出全年经济增速具体目标", … }].
 */
export function absentStatements(sentences: readonly Sentence[], source: string, lex: Lexicon, cat: Catalogue): AbsentStatement[] {
  const out: AbsentStatement[] = [];
  for (const s of sentences) {
    // every statement of a target not set names a 目标 (a fast test before the patterns)
    if (!s.text.includes("目标")) continue;
    for (const re of lex.headline.absent) {
      const m = re.exec(s.text);
      const phrase = m?.groups?.indicator;
      if (!m || !phrase) continue;
      const look = lookupPhrase(phrase, cat, lex);
      let code = look.code;
      const ind = code ? cat.byCode.get(code) : undefined;
      // 经济增速: a level read as its growth names the growth code
      if (ind && ind.spec.measure === "level" && (look.growth || /增/.test(phrase))) code = ind.spec.growth ?? null;
      if (!code) continue;
      const start = s.map[m.index]!;
      const end = s.map[m.index + m[0].length - 1]! + 1;
      out.push({
        code, start, end, raw: source.slice(start, end),
        sentence: source.slice(s.start, s.end).replace(/\s+/g, " ").trim(),
        section: s.path.map((h) => h.label).join(" > "),
        part: s.part,
      });
    }
  }
  return out;
}
