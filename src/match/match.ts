import type { CompiledRule } from "../rules/load.js";
import type { Sentence } from "../segment/types.js";

export interface Group {
  text: string;
  start: number;
  end: number;
}

/** A raw match: the rule, the mention span `m` and every named capture, in sentence (compact) offsets. */
export interface Match {
  rule: CompiledRule;
  sentence: Sentence;
  start: number;
  end: number;
  matchStart: number;
  matchEnd: number;
  groups: Record<string, Group>;
}

const HAS_NUMBER = /[0-9零〇一二两三四五六七八九十百千万亿]/;

/** Runs every rule over one sentence: `matchSentence(sentence, rules)` → Match[] (overlaps kept). */
export function matchSentence(sentence: Sentence, rules: readonly CompiledRule[]): Match[] {
  const text = sentence.text;
  if (!HAS_NUMBER.test(text)) return [];
  const out: Match[] = [];
  for (const rule of rules) {
    const req = rule.spec.requires;
    if (req && !req.some((r) => text.includes(r))) continue;
    const re = rule.regex;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const ind = m.indices?.groups;
      const span = ind?.m;
      if (!span || span[1] <= span[0]) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const groups: Record<string, Group> = {};
      for (const [name, v] of Object.entries(m.groups ?? {})) {
        const at = ind?.[name];
        if (v !== undefined && at) groups[name] = { text: v, start: at[0], end: at[1] };
      }
      out.push({ rule, sentence, start: span[0], end: span[1], matchStart: m.index, matchEnd: m.index + m[0].length, groups });
      re.lastIndex = Math.max(m.index + 1, span[1]);
    }
  }
  return out;
}
