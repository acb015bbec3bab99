import type { Kind, Qualifier } from "../model/record.js";
import type { Lexicon } from "../rules/lexicon.js";
import type { Match } from "../match/match.js";
import { parseNumber, round, type ParsedNumber } from "./number.js";
import { parseFraction } from "./fraction.js";

/** A match resolved into a typed metric (before indicator, status and section are attached). */
export interface Metric {
  kind: Kind;
  value: number;
  value_max: number | null;
  unit: string;
  qualifier: Qualifier;
  dimension: string | null;
  si_value: number | null;
  si_unit: string | null;
}

export type Resolution = { ok: true; metric: Metric } | { ok: false; reason: string };
export type Resolver = (m: Match, lex: Lexicon) => Resolution;

const reject = (reason: string): Resolution => ({ ok: false, reason });

/** Units that are not in the unit lexicon because they are not things counted or measured. */
export const SPECIAL_UNITS: Record<string, { unit: string; dimension: string; factor?: number }> = {
  "%": { unit: "%", dimension: "percent" },
  "％": { unit: "%", dimension: "percent" },
  "‰": { unit: "‰", dimension: "permille" },
  个百分点: { unit: "个百分点", dimension: "points" },
  百分点: { unit: "个百分点", dimension: "points" },
  倍: { unit: "倍", dimension: "ratio" },
  番: { unit: "番", dimension: "doublings" },
  成: { unit: "%", dimension: "percent", factor: 10 },
};

/**
 * The general resolver: number (`num`, `pnum` for 百分之…, `num2` for a range's high end), unit
 * (`unit`, or the rule's default), qualifiers (`qpre`, `qpost`, 多/余 in the number), direction (`dir`).
 * `figure(match("同比减少36.2%"), lex)` → { kind: "change", value: -36.2, unit: "%" }
 */
export const figure: Resolver = (m, lex) => {
  const g = m.groups;
  const numText = g.num?.text ?? g.pnum?.text;
  if (!numText) return reject("no number captured");
  const unitText = g.unit?.text ?? (g.pnum ? "%" : m.rule.spec.unit);
  if (!unitText) return reject("no unit captured and the rule gives none");
  const special = SPECIAL_UNITS[unitText];
  const entry = special ? null : lex.units.get(unitText);
  if (!special && !entry) return reject(`unknown unit ${unitText}`);

  const n = parseNumber(numText);
  if (!n) return reject(`not a number: ${numText}`);
  if (n.chinese && !numeralCounts(numText, n, unitText)) return reject(`a numeral inside a word: ${numText}${unitText}`);
  if (n.chinese && entry?.cn === false) return reject(`${unitText} after a Chinese numeral makes a word`);
  if (n.chinese && entry?.dimension === "money" && n.magnitude === 1) return reject(`${numText}${unitText} is a name (三元乳业), not an amount`);

  let value = n.value * (special?.factor ?? 1);
  let valueMax: number | null = null;
  let qualifier: Qualifier = "exact";
  if (g.num2) {
    const hi = parseNumber(g.num2.text);
    if (!hi) return reject(`not a number: ${g.num2.text}`);
    // 3到5万人次: the magnitude of the high end applies to a bare low end
    const lo = n.magnitude === 1 && hi.magnitude > 1 && !/[万亿千百]/.test(numText) ? n.value * hi.magnitude : n.value;
    value = round(lo * (special?.factor ?? 1));
    valueMax = round(hi.value * (special?.factor ?? 1));
    if (valueMax < value) return reject("range high end below its low end");
    qualifier = "range";
  } else {
    const post = g.qpost ? lex.qualSuffix.get(g.qpost.text) : undefined;
    const pre = g.qpre ? lex.qualPrefix.get(g.qpre.text) : undefined;
    qualifier = post ?? (n.more ? "more_than" : undefined) ?? pre ?? "exact";
    if (pre && post === undefined && n.more) qualifier = pre === "approx" ? "approx" : "more_than";
  }
  // a quantity rule that met a percentage or points (a list sharing its unit: 4.2和0.7个百分点)
  let kind = m.rule.spec.kind;
  if (kind === "quantity" && special) kind = special.dimension === "percent" || special.dimension === "permille" ? "rate" : "change";
  const direction = g.dir2 ?? g.dir;
  // a decrease: a falling verb (下降5%), or a minus sign written after a rising one (增长-23.5%)
  const falling = direction !== undefined && isDown(direction.text, lex);
  if (kind === "change" && falling !== (g.neg !== undefined)) {
    value = -value;
    if (valueMax !== null) [value, valueMax] = [-valueMax, value];
  }
  const unit = special ? special.unit : entry!.unit;
  const dimension = special ? special.dimension : entry!.dimension;
  const si = entry?.si;
  return {
    ok: true,
    metric: {
      kind,
      value: round(value),
      value_max: valueMax === null ? null : round(valueMax),
      unit,
      qualifier,
      dimension,
      si_value: si ? round(Math.abs(value) * si[0]) * Math.sign(value || 1) : null,
      si_unit: si ? si[1] : null,
    },
  };
};

/** Whether a direction word means a decrease: 下降, 减少, 低于, 降幅 … */
export function isDown(word: string, lex: Lexicon): boolean {
  if (lex.down.has(word)) return true;
  if (lex.up.has(word)) return false;
  return /[降减少低慢缩跌落]/.test(word) && !/[增升涨高快扩]/.test(word);
}

/**
 * A Chinese numeral counts (三家, 两批, 一万两千人) unless it is the article 一 before a measure word
 * (一批, 一项, 一个) or the ordinal 二 (二期, 二号: a count says 两) — 一 with a magnitude (一万亩) or
 * with 番 (翻一番) still counts.
 */
function numeralCounts(numText: string, n: ParsedNumber, unit: string): boolean {
  const bare = numText.replace(/[多余]/g, "");
  // 增长一倍, 提高一个百分点, 翻一番, 一成: with these units 一 is a number
  if ((bare === "一" || bare === "二") && n.magnitude === 1 && !(unit in SPECIAL_UNITS)) return false;
  return true;
}

/** Shares written as fractions: `1/4` → 25 %, `三分之一` → 33.33 %. */
export const fraction: Resolver = (m, lex) => {
  const t = m.groups.num?.text;
  if (!t) return reject("no fraction captured");
  const v = parseFraction(t);
  if (v === null) return reject(`not a fraction: ${t}`);
  const qualifier = (m.groups.qpost ? lex.qualSuffix.get(m.groups.qpost.text) : undefined) ?? (m.groups.qpre ? lex.qualPrefix.get(m.groups.qpre.text) : undefined) ?? "exact";
  return {
    ok: true,
    metric: { kind: m.rule.spec.kind, value: round(v * 100), value_max: null, unit: "%", qualifier, dimension: "percent", si_value: null, si_unit: null },
  };
};

/** Every resolver a rule may name. */
export const RESOLVERS: Record<string, Resolver> = { figure, fraction };
