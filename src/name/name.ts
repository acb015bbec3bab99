import type { Lexicon } from "../rules/lexicon.js";
import type { Kind } from "../model/record.js";
import type { Catalogue, Indicator } from "./catalogue.js";

/** What naming needs of a figure: its indicator phrase, kind, unit and the dimension of the unit. */
export interface NameInput {
  indicator: string | null;
  kind: Kind;
  unit: string;
  dimension: string | null;
}

/** The catalogue entry a phrase names, and how it was read. */
export interface PhraseLookup {
  /** The phrase as looked up, scope and noise words off (地区生产总值). */
  form: string;
  code: string | null;
  /** The phrase ended in a word of growth (增速, 增幅 …). */
  growth: boolean;
  /** The form gives the indicator as an index (居民消费价格指数). */
  index: boolean;
  /** A weak form: it names the indicator only in a sentence listing main targets. */
  weak?: boolean;
}

/** One code a figure gets, with why. */
export interface Naming {
  code: string;
  /** The phrase part that named it. */
  form: string;
  /** The value is an index: coded as value − 100 (居民消费价格指数102% → 2). */
  index: boolean;
  /** Named by a weak form (投资): a cell only in a sentence listing main targets. */
  weak: boolean;
}

/** Why a figure got no code (for `zhibiao explain`). */
export interface NameResult {
  names: Naming[];
  /** One line per phrase part: what was looked up and what came of it. */
  why: string[];
}

function stripStart(s: string, words: readonly string[]): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of words) {
      if (s.length > w.length && s.startsWith(w)) {
        s = s.slice(w.length);
        changed = true;
      }
    }
  }
  return s;
}

function stripEnd(s: string, words: readonly string[]): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of words) {
      if (s.length > w.length && s.endsWith(w)) {
        s = s.slice(0, -w.length);
        changed = true;
      }
    }
  }
  return s;
}

/**
 * Looks one phrase up in the catalogue, scope words (全区, 实现 …) off its start, noise (同口径 …) and a
 * word of growth (增速) off its end: `lookupPhrase("全区地区生产总值增速", cat, lex)` → { code: "gdp", growth: true, … }.
 */
export function lookupPhrase(phrase: string, cat: Catalogue, lex: Lexicon): PhraseLookup {
  return memo(cat, "l", phrase, () => lookupUncached(phrase, cat, lex));
}

/**
 * Per catalogue and lexicon, what a phrase was found to be: the same phrases recur in every report (and
 * naming is a pure function of them), so each is worked out once per process; bounded, cleared when full.
 */
const MEMO_MAX = 100_000;
function memo<T>(cat: Catalogue, kind: string, key: string, compute: () => T): T {
  // the catalogue's own tables, one per kind of question, keyed by the phrase itself (no key is built:
  // a concatenated key costs more than the lookup); one catalogue goes with one lexicon (one RuleSet)
  let table = cat.memo.get(kind) as Map<string, unknown> | undefined;
  if (!table) cat.memo.set(kind, (table = new Map()));
  if (table.has(key)) return table.get(key) as T;
  if (table.size >= MEMO_MAX) table.clear();
  const value = compute();
  table.set(key, value);
  return value;
}

function lookupUncached(phrase: string, cat: Catalogue, lex: Lexicon): PhraseLookup {
  const n = lex.names;
  const scoped = stripStart(phrase.replace(/[“”"‘’《》（）()\s]/g, ""), n.scope);
  let s = stripEnd(scoped, n.noise);
  let growth = false;
  const tryForm = (form: string): PhraseLookup | null => {
    const code = cat.forms.get(form);
    if (code) return { form, code, growth, index: false };
    const index = cat.indexForms.get(form);
    if (index) return { form, code: index, growth, index: true };
    const weak = cat.weakForms.get(form);
    if (weak) return { form, code: weak, growth, index: false, weak: true };
    for (const ind of cat.patterned) if (ind.patterns.some((p) => p.test(form))) return { form, code: ind.spec.code, growth, index: false };
    return null;
  };
  // the phrase as written first (居民消费价格总水平), then without its trailing noise (…同口径)
  const direct = tryForm(scoped) ?? tryForm(s);
  if (direct) return direct;
  const bare = stripEnd(s, n.growth);
  if (bare !== s) {
    growth = true;
    const g = tryForm(stripEnd(bare, n.noise));
    if (g) return g;
  }
  return { form: s, code: null, growth: false, index: false };
}

/**
 * The parts of a phrase that names several indicators: `splitPhrase("城镇、农村常住居民人均可支配收入", lex)`
 * → ["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"]; one part when it names one.
 */
export function splitPhrase(phrase: string, lex: Lexicon, cat?: Catalogue): string[] {
  const n = lex.names;
  // a form that holds a joiner is one indicator (研究与试验发展经费支出与国内生产总值之比)
  if (cat && lookupPhrase(phrase, cat, lex).code) return [phrase];
  for (const [head, parts] of n.split) {
    const at = phrase.indexOf(head);
    if (at >= 0 && !phrase.slice(at + head.length).includes("、")) {
      const rest = phrase.slice(at + head.length);
      if (rest) return parts.map((p) => phrase.slice(0, at) + p + rest);
    }
  }
  const joiners = n.joiners.filter((j) => phrase.includes(j));
  if (!joiners.length) return [phrase];
  const re = new RegExp(joiners.map((j) => j.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  const parts = phrase.split(re).filter(Boolean);
  if (parts.length < 2) return [phrase];
  // a modifier before the last part borrows its head: 城镇、农村常住居民… → 城镇常住居民…
  const last = parts[parts.length - 1]!;
  return parts.map((p, i) => {
    if (i === parts.length - 1 || !n.modifiers.has(p)) return p;
    const lead = [...n.modifiers].find((m) => m.length === p.length && last.startsWith(m));
    return lead ? p + last.slice(lead.length) : p;
  });
}

/**
 * A part of a list that names nothing alone borrows the shortest end of the last part that makes it a
 * form (粮食、肉蛋奶、蔬菜产量 → 粮食产量): `completePart("粮食", "蔬菜产量", cat, lex)` → "粮食产量".
 */
function completePart(part: string, last: string, cat: Catalogue, lex: Lexicon): string | null {
  for (let k = 2; k < last.length; k++) {
    const tried = part + last.slice(last.length - k);
    if (lookupPhrase(tried, cat, lex).code) return tried;
  }
  return null;
}

/** Whether a figure of this kind, unit and reading gives the indicator's value; the code it gives. */
function codeFor(ind: Indicator, look: PhraseLookup, f: NameInput): string | null {
  const pct = f.unit === "%";
  const spec = ind.spec;
  if (spec.measure === "level") {
    if (pct && (f.kind === "change" || (look.growth && (f.kind === "rate" || f.kind === "baseline")))) return spec.growth ?? null;
    if (look.growth) return null;
    if ((ind.kinds.has(f.kind) || f.kind === "baseline") && f.dimension === spec.dimension) return spec.code;
    return null;
  }
  if (!pct) return null;
  if (spec.measure === "growth") return ind.kinds.has(f.kind) || f.kind === "baseline" ? spec.code : null;
  // a rate: its value, not a change of it (城镇化率提高1.2个百分点 has no %); cpi takes a rise too
  if (look.growth && !ind.kinds.has("change")) return null;
  return ind.kinds.has(f.kind) || f.kind === "baseline" ? spec.code : null;
}

/**
 * The catalogue codes one figure gets, each with the phrase part that named it; `part` picks one part
 * of a phrase that names several (the i-th figure of a 分别 list), null for all of them.
 * `nameFigure({ indicator: "全区地区生产总值", kind: "quantity", unit: "元", dimension: "money" }, cat, lex)` → gdp.
 */
export function nameFigure(f: NameInput, cat: Catalogue, lex: Lexicon, part: number | null = null): NameResult {
  const indicator = f.indicator;
  if (!indicator) return { names: [], why: ["no indicator phrase"] };
  // per phrase, the few (kind, unit, dimension, part) it was named for: found by comparing fields,
  // not by building a key for every figure
  let table = cat.memo.get("f") as Map<string, { f: NameInput; part: number | null; r: NameResult }[]> | undefined;
  if (!table) cat.memo.set("f", (table = new Map()));
  let seen = table.get(indicator);
  if (!seen) {
    if (table.size >= MEMO_MAX) table.clear();
    table.set(indicator, (seen = []));
  }
  const hit = seen.find((e) => e.part === part && e.f.kind === f.kind && e.f.unit === f.unit && e.f.dimension === f.dimension);
  if (hit) return hit.r;
  const r = nameUncached({ ...f, indicator }, cat, lex, part);
  seen.push({ f: { ...f }, part, r });
  return r;
}

function nameUncached(f: NameInput & { indicator: string }, cat: Catalogue, lex: Lexicon, part: number | null): NameResult {
  const parts = splitPhrase(f.indicator, lex, cat);
  const chosen = part !== null && parts.length > 1 ? [parts[Math.min(part, parts.length - 1)]!] : parts;
  const names: Naming[] = [];
  const why: string[] = [];
  for (const p of chosen) {
    let look = lookupPhrase(p, cat, lex);
    if (!look.code && parts.length > 1 && p !== parts[parts.length - 1]) {
      const completed = completePart(p, parts[parts.length - 1]!, cat, lex);
      if (completed) look = lookupPhrase(completed, cat, lex);
    }
    if (!look.code) {
      why.push(`'${look.form}' is no form of the catalogue`);
      continue;
    }
    const ind = cat.byCode.get(look.code)!;
    const code = codeFor(ind, look, f);
    if (!code) {
      why.push(`'${look.form}' names ${look.code} (${ind.file}), but a ${f.kind} in ${f.unit || "no unit"} is not its value${look.growth ? " (read as its growth)" : ""}`);
      continue;
    }
    if (!names.some((x) => x.code === code)) names.push({ code, form: look.form, index: look.index, weak: look.weak === true });
    const at = (i: Indicator) => `${i.file}${i.line ? `:${i.line}` : ""}`;
    why.push(code === look.code ? `'${look.form}' → ${code} (${at(ind)})` : `'${look.form}' names ${look.code} (${at(ind)}); a ${f.kind} in % is its growth → ${code} (${at(cat.byCode.get(code)!)})`);
  }
  return { names, why };
}

/** How many parts the phrase of a figure names: `phraseParts("城乡居民人均可支配收入", lex)` → 2. */
export function phraseParts(indicator: string | null, lex: Lexicon, cat: Catalogue): number {
  if (!indicator) return 0;
  // most phrases hold no joiner and no two-indicator head: one part, without a lookup
  if (!mayList(lex).test(indicator)) return 1;
  return memo(cat, "p", indicator, () => splitPhrase(indicator, lex, cat).length);
}

const LIST_TESTS = new WeakMap<Lexicon, RegExp>();
/** A test for what can make a phrase name several indicators: a joiner, or a head like 城乡居民. */
function mayList(lex: Lexicon): RegExp {
  let re = LIST_TESTS.get(lex);
  if (!re) {
    const words = [...lex.names.joiners, ...lex.names.split.keys()].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    LIST_TESTS.set(lex, (re = words.length ? new RegExp(words.join("|")) : /(?!)/));
  }
  return re;
}
