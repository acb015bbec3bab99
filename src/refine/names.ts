import type { Candidate, Refiner, RefineContext } from "./candidate.js";
import type { Lexicon } from "../rules/lexicon.js";
import { alternation } from "../rules/lexicon.js";

const NUMERAL = /[0-9零〇一二两三四五六七八九十百千万亿]/;

interface NamePatterns {
  /** The domain terms that hold a numeral, as one alternation. */
  terms: RegExp | null;
  longest: number;
  pointer: RegExp | null;
  head: RegExp | null;
}
const compiled = new WeakMap<Lexicon, NamePatterns>();

/** The lexicon's name patterns, compiled once per lexicon. */
function patternsOf(lex: Lexicon): NamePatterns {
  let p = compiled.get(lex);
  if (!p) {
    const numeralTerms = lex.terms.map((t) => t.term).filter((t) => NUMERAL.test(t));
    p = {
      terms: numeralTerms.length ? new RegExp(alternation(numeralTerms), "g") : null,
      longest: Math.max(0, ...numeralTerms.map((t) => t.length)),
      pointer: lex.labelPointers.size ? new RegExp(`(?:${alternation(lex.labelPointers)})$`) : null,
      head: lex.labelHeads.size ? new RegExp(`^(?:${alternation(lex.labelHeads)})`) : null,
    };
    compiled.set(lex, p);
  }
  return p;
}

/** Why a candidate is a name, a label or an attribute rather than a metric mention; null if it is one. */
export function nameReason(c: Candidate, ctx: RefineContext): string | null {
  const s = c.sentence.text;
  // what the tests below look at: a few characters on each side
  const before = s.slice(Math.max(0, c.start - 24), c.start);
  const after = s.slice(c.end, c.end + 24);
  const pats = patternsOf(ctx.lexicon);

  // inside 《…》 (a title) or a short “…” (a name or slogan)
  const quote = enclosingQuote(s, c.start, c.end);
  if (quote === "title") return "inside a title 《…》";
  if (quote === "short") return "inside a quoted name “…”";

  // inside a domain term that holds a numeral (12345热线, 15分钟社区生活圈)
  if (pats.terms) {
    const from = Math.max(0, c.start - pats.longest);
    const window = s.slice(from, c.end + pats.longest);
    pats.terms.lastIndex = 0;
    for (let m = pats.terms.exec(window); m; m = pats.terms.exec(window)) {
      const at = from + m.index;
      if (at <= c.start && at + m[0].length >= c.end - 1) return `part of the term ${m[0]}`;
      pats.terms.lastIndex = m.index + 1;
    }
  }

  const unit = c.metric.unit;
  // session ordinals: 十四届人大, 十三届七次、八次全会, 二十届三中全会
  if (unit === "届" || unit === "次") {
    if (/^(?:[、和]?[零〇一二两三四五六七八九十]+(?:次|中))*(?:历次)?(?:全会|会议|全委会|代表大会|人大|人民代表大会|全国人大|党代会|常委会|全体会议|政协|委员会|中央)/.test(after)) return "a session ordinal";
    if (/届$/.test(before)) return "a session ordinal";
  }

  // events and phases are counted only where something was held or done (连续举办8届, 分两期投放);
  // elsewhere 两届广交会, 二期工程, 机场三期 name an edition or a phase
  if ((unit === "届" || unit === "期") && !/(?:举办|举行|召开|办|连续|共|累计|分|先后|已|历时|开展|发行|投放|实施|办了)$/.test(before)) {
    return unit === "届" ? "an edition, not a count" : "a phase, not a count";
  }

  // 三个“十条”, 两个“一百年”: a small Chinese count of a quoted label
  if (c.metric.dimension === "count" && /^[“"]/.test(after) && /^[一二两三四五六七八九十]+$/.test(s.slice(c.start, c.end - unit.length))) return "a count of quoted labels";

  // 近5个月, 3个工作日: the 个 belongs to a duration
  if (unit === "个" && /^(?:月|小时|工作日|季度|年头|星期)/.test(after)) return "a duration, not a count";

  // 每万人, 每千人口, 每平方公里: the number is a denominator, not a figure
  if (/每$/.test(before)) return "a denominator (每…)";

  // counts fixed in a label (以下六个方面, 五个新城, 两个确立)
  if (c.metric.dimension === "count" && c.metric.value <= 20) {
    const pointer = pats.pointer?.test(before) ?? false;
    const head = pats.head?.test(after) ?? false;
    if (pointer || head) return "a count fixed in a label";
    // a Chinese count right before another Chinese numeral names a slogan (五个一工程, 两个一百年, 三个一批)
    if (/^[一二两三四五六七八九十]+[个项大条]$/.test(s.slice(c.start, c.end)) && /^[一二两三四五六七八九十百千万]/.test(after)) return "a count fixed in a label";
  }

  // a size class: 10万吨级码头, 千亿元级产业集群, 百万人口级城市
  if (c.metric.kind === "quantity" && /^(?:级|量级)(?!别)/.test(after)) return "a size class (…级)";

  // 两位数增长: a number of digits, not a count
  if (unit === "位" && /^数/.test(after)) return "a number of digits (位数)";

  // a rank: 排名前10位, 位列全国前5名, 后3位
  if ((unit === "位" || unit === "名") && /(?:前|后|第)$/.test(before)) return "a rank";

  // a size that is part of a plant's or project's name (700万吨露天矿, 日产500吨熟料生产线)
  if (c.metric.kind === "quantity" && ["mass", "power", "energy", "volume"].includes(c.metric.dimension ?? "")) {
    if (/(?:日产|年产|日处理|年处理|年加工|日加工)$/.test(before)) return "a capacity that names a plant";
    if (/^[^，,。；;、：:]{0,8}?(?:露天矿|矿井|煤矿|生产线|产线|项目|电厂|电站|机组|装置|工厂|大麦芽|行动|工程|计划)/.test(after) && !/(?:达到|达|完成|新增|累计|共|实现|为|增加|减少|突破|超过)$/.test(before)) {
      return "a size that is part of a name";
    }
  }

  // the size of each thing a count before it counts (三个1亿人问题, 建成3个1000亩以上基地): the count is the figure
  if (/^[\d０-９]/.test(s.slice(c.start, c.end)) && /(?:^|[^\d.])(?:\d+|[一二两三四五六七八九十]+)(?:个|家|座|条|处|所)$/.test(before) && /^[^，,。；;、：:]{0,4}?[\u4e00-\u9fa5]/.test(after)) {
    return "the size of each thing counted before it";
  }

  // a threshold describing what is counted (5000万元以上项目47个, 80周岁以上老人)
  if (c.match.groups.qpost && /^(?:以上|以下)$/.test(c.match.groups.qpost.text) && after && c.metric.dimension !== "percent") {
    if (/^的/.test(after)) return "a threshold of what is counted";
    if (/^[\u4e00-\u9fa5]/.test(after)) {
      const [first] = ctx.tokenizer.tag(after.slice(0, 8));
      if (first && /^(?:n|vn|nz|nt|ns|l|j|b|a)/.test(first.tag)) return "a threshold of what is counted";
    }
  }
  return null;
}

/**
 * Where the span sits in quotes: "title" inside 《…》, "short" inside a “…” of at most 16 characters
 * (a name or slogan), null otherwise.
 */
export function enclosingQuote(s: string, start: number, end: number): "title" | "short" | null {
  const pairs: [string, string, "title" | "short"][] = [
    ["《", "》", "title"],
    ["“", "”", "short"],
    ["「", "」", "short"],
    ['"', '"', "short"],
  ];
  for (const [open, close, kind] of pairs) {
    const o = s.lastIndexOf(open, start - 1);
    if (o < 0) continue;
    if (open !== close) {
      const closedBefore = s.indexOf(close, o + 1);
      if (closedBefore >= 0 && closedBefore < start) continue;
    } else {
      const count = s.slice(0, start).split(open).length - 1;
      if (count % 2 === 0) continue;
    }
    const c = s.indexOf(close, end);
    if (c < 0) continue;
    if (kind === "title") return "title";
    if (c - o - 1 <= 16) return "short";
  }
  return null;
}

/** Drops numbers that are names, labels, ordinals, sizes in a name and thresholds. */
export const dropNames: Refiner = {
  name: "drop-names",
  run(cands, ctx) {
    return cands.filter((c) => nameReason(c, ctx) === null);
  },
};
