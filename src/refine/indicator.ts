import type { Token, Tokenizer } from "../nlp/tokenizer.js";
import { bySentence, clauseStart, type Candidate, type Refiner } from "./candidate.js";
import { listRuns } from "./lists.js";

/** A bracketed remark, or the end of one cut by the clause (下同）): 下同, 以下简称…, 按…计算/口径 (not 含…: what is counted). */
const REMARK = /[（(]?(?:下同|同上|下称|以下简称[^（）()]{0,12}|按[^（）()]{0,12}(?:口径|计算))[）)]/g;

/** How a figure is counted, written out (按可比口径增长13%): not what is measured. */
const METHOD = /(?:按|以)?(?:可比|同|新)口径(?:计算)?|按可比价格计算/g;

/** 分别/均 that share a figure over a list (均增长8%), not the 均 of 人均/平均/年均/户均/日均/月均; with what follows it. */
const ALL_OF = /(?:分别|(?<![人平年户日月])均).*$/;

// Words that open a clause without saying what is measured: time, scope, connectives, adverbs, light verbs.
const LEAD_WORDS = new Set([
  "全镇", "全区", "全市", "全省", "全国", "全县", "全乡", "全街道", "全年", "今年", "去年", "上年", "当年", "年末", "年底",
  "年初", "本年", "上半年", "下半年", "一季度", "前三季度", "目前", "截至", "截止", "截至目前", "其中", "同时", "此外", "另外",
  "并", "且", "共", "累计", "合计", "总计", "共计", "已", "已经", "均", "都", "还", "又", "再", "也", "先后", "分别", "持续",
  "继续", "进一步", "不断", "全面", "有效", "积极", "大力", "完成", "实现", "达到", "首次", "全部", "预计", "力争", "确保",
  "努力", "争取", "计划", "年均", "五年", "十年", "过去", "五年来", "十年来", "近年来", "期间", "时期", "底", "末", "月底",
  "为", "对", "在", "向", "从", "由", "将", "要", "拟", "把", "使", "让", "经过", "通过", "连续", "共有", "现有", "辖", "下辖", "共辖", "现辖",
  "的", "和", "及", "与", "、", "上", "中", "内", "同口径", "口径", "可比价", "按可比价格计算", "扣除价格因素",
]);
// Words that close the phrase before a figure without belonging to it: verbs of reaching, comparisons.
const TRAIL_WORDS = new Set([
  "达到", "达", "为", "是", "至", "到", "约", "近", "共", "累计", "超过", "突破", "增至", "保持", "保持在", "稳定", "稳定在",
  "控制", "控制在", "降至", "降到", "提高", "提高到", "增加", "增加到", "实现", "完成", "增长", "下降", "减少", "上涨", "上升",
  "均达", "均为", "均超过", "均达到", "分别达", "分别为", "分别达到", "全部", "全部达到", "基本", "总体",
  "回落", "降低", "年均", "日均", "月均", "净增", "净减", "大关", "关口", "扩大", "扩大到", "扩大至", "缩小", "缩小到", "缩小至",
  "提升至", "提高至", "增加至", "减少至", "上升到", "上升至", "回升至", "攀升至", "升至", "降为", "减至", "同比", "分别", "总计", "共计", "合计", "超", "逾", "接近", "将近", "不低于", "不少于", "不超过",
  "不足", "不到", "在", "由", "从", "比", "较", "了", "的", "达成", "新增", "递增", "增", "降", "均", "都", "已", "全年",
  "提升到", "增长到", "减少到", "实际", "要", "拟", "将", "预期", "预计", "力争", "确保", "争取", "可", "压减", "压缩", "削减", "核减", "缩减", "下降到", "降低到", "上年", "去年", "同期", "以上", "左右", "占", "到达", "有", "以",
]);
const STRIP_TAGS = /^(?:m|q|p|c|u|uj|ud|ul|uz|ug|uv|d|y|e|o|t|tg|r|f)$/;
const PUNCT = /^[\s\p{P}\p{S}]+$/u;
/** nodejieba tags unknown words `x` too: only punctuation and numbers are function material; a negation
 * (不, 未, 非) changes what is measured (不满意率) and is never dropped. */
const isFunction = (t: Token) => !/^[不未非无]/.test(t.word) && PUNCT.test(t.word) || (t.tag !== "x" && STRIP_TAGS.test(t.tag)) || (t.tag === "x" && /^[\d.%]+$/.test(t.word));

/** What money after 投资 was spent on: `的` (or 实施的, 建设的), then the works, up to the verb of what became of them. */
const INVESTED_IN = /^(?:实施|建设|新建|改造|完成|修建)?的(?!基础|前提|同时|情况|条件)([^，,；;。、]{2,30}?)(?=(?:当年|年内|已|均|全面|全部|成功|顺利|正式|相继|全线|基本|主体)?(?:落地|开工|建成|竣工|投入使用|投用|投产|运营|实现|通过|启动|完工|贯通|完成|交付|开业)|[，,；;。]|$)/;

/** True when a phrase ends in a noun for things (房屋, 企业, 耕地), not for a measure (价格, 指数, 收入) or a rate (…率). */
function isThingNoun(phrase: string, tok: Tokenizer): boolean {
  if (/(?:率|度|比|比例|比重|指数|水平|强度|幅|速|占比|份额|系数|值|价|价格|收入|支出|产值|总量|规模|增量|覆盖面|GDP|CPI|PPI)$/.test(phrase)) return false;
  const last = tok.tag(phrase).at(-1);
  return !!last && /^(?:n|nz|ns|nt)$/.test(last.tag) && last.word.length >= 2;
}

const PERIOD_WORD = "(?:一季度|二季度|三季度|四季度|上半年|下半年|前三季度|全年)";
/** A list of parts of a year ending a subject: 一季度、上半年、前三季度. */
const PERIOD_LIST = new RegExp(`${PERIOD_WORD}(?:[、和及与]${PERIOD_WORD})+$`);
const PERIOD_PART: Record<string, string> = { 一季度: "Q1", 二季度: "Q2", 三季度: "Q3", 四季度: "Q4", 上半年: "H1", 下半年: "H2", 前三季度: "Q1-Q3", 全年: "" };

/** Words that measure a thing named before them (存栏, 产量, 总数). */
const ATTRIBUTE = /^(?:存栏|出栏|产量|产值|面积|总数|总量|规模|数量|人数|户数|总产)$/;

/** The thing an indicator is about, before its first verb (生猪出栏 → 生猪, 蔬菜种植面积 → 蔬菜); "" if none. */
function subjectOf(indicator: string, tok: Tokenizer): string {
  const tokens = tok.tag(indicator);
  let i = 0;
  while (i < tokens.length && /^(?:新增|新建|培育|引进|累计|实现|完成|建成|新登记|发展)$/.test(tokens[i].word)) i++;
  let j = i;
  while (j < tokens.length && !/^v/.test(tokens[j].tag)) j++;
  const thing = tokens.slice(i, j).map((t) => t.word).join("");
  return (j < tokens.length || i > 0) && thing.length >= 2 ? thing : "";
}

/**
 * A bare 投资/投入 with what it was spent on, from the clauses around its figure (whose clause starts at `cs`):
 * 五年共投资6.2亿元，实施了…工程建设 → the next clause, when it holds no figure (投资实施了…);
 * 棚户区改造和房地产开发进程加快，累计完成投资485.36亿元 → the clause before, without how it went;
 * 累计投资5.1亿元,建成西出口等31条公路 → what the next figure counts. Unchanged when none says.
 */
function withWorks(ind: string, c: Candidate, cs: number, list: Candidate[], own: Map<Candidate, string>, tok: Tokenizer): string {
  const s = c.sentence.text;
  const afterComma = /^[，,]/.test(s.slice(c.end));
  if (afterComma) {
    const nextStart = c.end + 1;
    let nextEnd = nextStart;
    while (nextEnd < s.length && !/[，,；;。！？!?]/.test(s[nextEnd])) nextEnd++;
    const holdsFigure = list.some((p) => p.start >= nextStart && p.start < nextEnd);
    const what = trimPhrase(s.slice(nextStart, nextEnd), tok);
    if (!holdsFigure && what.length >= 2 && what.length <= 30) return ind + what;
  }
  if (cs > 1 && /[，,]/.test(s[cs - 1])) {
    const bs = clauseStart(s, cs - 1);
    const holdsFigure = list.some((p) => p.start >= bs && p.start < cs);
    const works = holdsFigure ? "" : trimPhrase(s.slice(bs, cs - 1).replace(PROGRESS_SAID, ""), tok);
    if (works.length >= 2 && works.length <= 16) return works + ind;
  }
  if (afterComma) {
    const nextFigure = list.slice(list.indexOf(c) + 1).find((p) => !/[；;。]/.test(s.slice(c.end, p.start)));
    const works = nextFigure ? own.get(nextFigure) ?? "" : "";
    if (works.length >= 2 && works.length <= 16) return works + ind;
  }
  return ind;
}

/** How a clause says its work went, after naming it (棚户区改造进程加快, 项目建设扎实推进). */
const PROGRESS_SAID = /(?:进程|步伐|力度|进度|水平|能力)?(?:明显|显著|持续|不断|全面|稳步|扎实|有序|深入|顺利|日趋|大幅)?(?:加快|加速|加大|提速|推进|提高|提升|改善|增强|完善|进展顺利|成效明显|成效显著|初具规模|初见成效|取得突破)$/;

const LEAD_SPAN = /^(?:(?:今明|近|今后|未来|过去)[一二三四五六七八九十两]+年(?:来|间|内|中)?|[一二三四五六七八九十两]+年(?:来|间|内)|(?:今明|明后)两年|(?:全年|今年|去年|当年)(?!以来|度))[，,]?/;

/** A money threshold before a noun, which names a class of it (亿元以上项目, 5000万元以上企业), or a per-output denominator (万元地区生产总值能耗). */
const MONEY_THRESHOLD = /^(?:[\d.]+|[一二两三四五六七八九十百千]+)?(?:(?:千万|百万|十万|万|亿)元?|元)(?:以上|以下)[\u4e00-\u9fa5]|^(?:每)?万元(?:地区|国内)?(?:生产总值|GDP|工业增加值|增加值|产值)/;

/** Trims a phrase to what says what is measured: leading time/scope/connective words, trailing verbs of reaching. */
export function trimPhrase(text: string, tok: Tokenizer, lead = true, trail = true): string {
  if (!text) return "";
  // a span of years that dates the statement (今明两年, 五年来, 近三年, 今后五年) is not what is measured
  if (lead) text = text.replace(LEAD_SPAN, "");
  // a remark in brackets (比上年（下同）增长, （按可比价格计算）) says how, not what
  text = text.replace(REMARK, "").replace(METHOD, "");
  if (!text) return "";
  let tokens: Token[] = tok.tag(text);
  const isYear = (t: Token) => /^\d{2,4}$/.test(t.word);
  if (lead) {
    while (tokens.length) {
      const t = tokens[0];
      const next = tokens[1];
      // a threshold that qualifies the noun after it stays (其中亿元以上项目7个 → 亿元以上项目)
      if (MONEY_THRESHOLD.test(text.slice(t.start))) break;
      if (LEAD_WORDS.has(t.word) || isFunction(t) || (isYear(t) && next && /^(?:年|年度)$/.test(next.word))) tokens = tokens.slice(1);
      else break;
    }
  }
  let removed: Token | null = null;
  while (trail && tokens.length) {
    const t = tokens[tokens.length - 1];
    // a measure word not after a numeral or demonstrative ends a noun (停车/v 位/q): kept
    const prev = tokens[tokens.length - 2];
    if (t.tag === "q" && t.word.length === 1 && prev && !/^(?:m|r|q)$/.test(prev.tag) && !/[\d零〇一二两三四五六七八九十百千万亿几每各该这那]$/.test(prev.word) && !PUNCT.test(prev.word)) break;
    // 比 after a noun and not before a base (存贷比提高到65%, 城乡收入比) is a ratio: kept
    if (t.word === "比" && prev && /^(?:n|vn|nz|j|x)/.test(prev.tag) && !PUNCT.test(prev.word) && (!removed || /^v/.test(removed.tag) || /^(?:到|至|为)$/.test(removed.word))) break;
    removed = t;
    if (TRAIL_WORDS.has(t.word) || (isFunction(t) && !/^[”"》）)]$/.test(t.word)) || /^(?:比|较|从|由|比上年|比去年|较上年)$/.test(t.word)) tokens = tokens.slice(0, -1);
    else break;
  }
  // a comparison or start point left inside (由2010年的, 比2010年) ends the phrase
  let out = tokens.map((t) => t.word).join("");
  out = out.replace(/(?:由|从|比|较|是)\d{4}年(?:的)?.*$/, "").replace(/([率额量数值比度重价积])(?:达到|达|为|是|提升|上升|下降)$/, "$1").replace(/[，,；;、：:“”"]+$/g, "").replace(/^[，,；;、：:”"]+/g, "");
  return out;
}

function phraseAfter(c: Candidate, next: Candidate | undefined): { text: string; end: number } | null {
  const s = c.sentence.text;
  let from = c.end;
  // an attribute of what is counted (335名60-80岁低龄独居老人) or a 的 lies between the figure and its noun
  // (or the size of each thing counted: 3个1000亩示范基地, 三个1亿人问题)
  const skip = /^(?:\d+(?:[-—~至到]\d+)?周?岁(?:以上|以下)?|[\d.]+(?:万|亿)?(?:亩|平方米|平方公里|公顷|吨|人|元|公里|米|千瓦|床)(?:以上|以下)?(?:的)?|的)/.exec(s.slice(from));
  if (skip) from += skip[0].length;
  if (from >= s.length || !/[\u4e00-\u9fa5A-Za-z“"]/.test(s[from])) return null;
  // …5亿元的基础上, …的同时: a frame for the next statement, not what is counted
  if (/^(?:基础上|前提下|同时|情况下|条件下|背景下)/.test(s.slice(from))) return null;
  let end = from;
  const stop = next ? next.match.matchStart : s.length;
  // a 、 inside brackets does not end the phrase: 122个县（市、区）
  let depth = 0;
  while (end < s.length && end < stop) {
    const ch = s[end];
    if (ch === "（" || ch === "(") depth++;
    else if ((ch === "）" || ch === ")") && depth > 0) depth--;
    else if (/[，,；;：:。！？!?]/.test(ch) || (ch === "、" && depth === 0)) break;
    end++;
  }
  return { text: s.slice(from, end), end };
}

/**
 * The indicator of each figure: the shortest phrase of its clause that says what is measured — the
 * words before it (verb–object before a quantity, the …率 noun before a rate), the counted noun after a
 * measure word, trimmed with nodejieba's tags; progress, change and baseline figures without their own
 * take the indicator of the quantity or rate they refer to; `分别` lists get one indicator each.
 */
export const attachIndicator: Refiner = {
  name: "attach-indicator",
  run(cands, ctx) {
    const tok = ctx.tokenizer;
    for (const list of bySentence(cands).values()) {
      const s = list[0].sentence.text;
      const own = new Map<Candidate, string>();
      list.forEach((c, i) => {
        const prev = list[i - 1];
        const next = list[i + 1];
        const g = c.match.groups;
        let anchor = Math.min(c.match.matchStart, c.start, g.qpre?.start ?? Infinity);
        // a rule may capture the words that name the indicator inside its context: (?<subject>收入比)
        if (g.subject) anchor = g.subject.end;
        let from = clauseStart(s, anchor);
        if (prev && (prev.suffixEnd ?? prev.end) > from && (prev.suffixEnd ?? prev.end) <= anchor) from = prev.suffixEnd ?? prev.end;
        let prefix = g.subject ? trimPhrase(s.slice(from, g.dir && g.dir.end === g.subject.start ? g.dir.start : g.subject.start), tok, true, false) + g.subject.text : trimPhrase(s.slice(from, anchor), tok);
        // a long clause: its last list item or what follows its last 的 names the thing
        // (增值税收入占比最高、涉及行业广泛的税率 → 涉及行业广泛的税率; 参加区各部门组织的市集活动 → 市集活动)
        if (prefix.length > 12 && prefix.includes("的")) {
          const of = prefix.lastIndexOf("的");
          const item = prefix.lastIndexOf("、", of);
          const coordinated = item >= 0 ? prefix.slice(item + 1) : "";
          const afterOf = trimPhrase(prefix.slice(of + 1), tok);
          if (coordinated && !coordinated.includes("等") && coordinated.length <= 12) prefix = trimPhrase(coordinated, tok);
          else if (afterOf.length >= 2) prefix = afterOf;
        }
        // 为独居老人、高龄老人等送餐: the beneficiaries are not what is measured, the action is
        const raw = s.slice(from, anchor);
        if (/^(?:累计|共|全年|今年|已|先后|还)?(?:要|将|拟)?(?:为|对|向|给|替)/.test(raw) && prefix.length > 4) {
          const tokens = tok.tag(prefix);
          const isVerb = (t: Token) => /^v/.test(t.tag) || (t.tag === "x" && /^[\u4e00-\u9fa5]{2,}$/.test(t.word));
          // the action starts at the first verb after the beneficiaries (为市场主体减轻非税负担 → 减轻非税负担),
          // else at the last verb
          let k = -1;
          let seenNoun = false;
          for (let i = 0; i < tokens.length && k < 0; i++) {
            if (/^n/.test(tokens[i].tag)) seenNoun = true;
            else if (seenNoun && isVerb(tokens[i])) k = i;
          }
          if (k < 0) tokens.forEach((t, i) => {
            if (i > 0 && isVerb(t)) k = i;
          });
          if (k > 0) prefix = tokens.slice(k).map((t) => t.word).join("");
        }
        // a rule that names the indicator in its context (?<subject>) says all of it
        const after = g.subject ? null : phraseAfter(c, next);
        let indicator = prefix;
        // 投资3.4亿元的冰上运动训练中心项目成功落地: the money is that project's investment
        const invested = after && c.metric.dimension === "money" && /^(?:总?投资|投入|总投入)$/.test(prefix) ? INVESTED_IN.exec(s.slice(c.end, after.end)) : null;
        if (invested && invested[1].length >= 2) {
          let works = invested[1];
          let used = invested[0].length;
          // the phrase runs into the next figure (…的拆炉并网工程新接入集中供热面积190万平方米): the works end with their head noun
          if (next && c.end + used >= next.match.matchStart) {
            const head = /^.*?(?:工程|项目|厂|中心|基地|园区|设施|管网)/.exec(works);
            if (head) {
              used -= works.length - head[0].length;
              works = head[0];
            }
          }
          indicator = works + prefix;
          c.suffixEnd = c.end + used;
        } else if (after) {
          // 推动122个县（市、区）加快发展: what is counted ends with its brackets when a verb follows
          const bracketed = /^([^（(，,]{1,8}[（(][^）)]*[）)])(.+)$/.exec(after.text);
          if (bracketed && /^v/.test(tok.tag(bracketed[2])[0]?.tag ?? "")) after.text = bracketed[1];
          const suffix = trimPhrase(after.text, tok, false).replace(/^的/, "");
          const first = tok.tag(after.text.slice(0, 6))[0];
          // a verb right after the figure (30%提升到40%) starts the next statement, not what is counted
          const percent = /^(?:%|‰|个百分点|百分点)$/.test(c.metric.unit ?? "");
          const nounAfter = !first || !(/^(?:p|c|u|uj|ud|ul|d|r|m|q|f|y|e)$/.test(first.tag) || (percent && first.tag === "v" && !/^(?:用于|投向|来自|集中|分布|投入)/.test(after.text))) || /^[“"]/.test(after.text);
          if (suffix && (nounAfter || prefix.length < 2)) {
            indicator = prefix.length + suffix.length <= 24 ? prefix + suffix : suffix.length >= 3 ? suffix : prefix;
            c.suffixEnd = after.end;
          }
        }
        // 14亿多人口大国: the figure counts 人口 (the 口 runs past the unit)
        if (c.metric.unit === "人" && s[c.end] === "口") {
          indicator = `${prefix}人口`;
          c.suffixEnd = c.end + 1;
        }
        own.set(c, indicator);
      });
      // figures without words of their own take those of the figure they refer to; a bare word
      // (投资, 总量, 受益) takes the subject of the figure or clause before it
      list.forEach((c, i) => {
        let ind = own.get(c) ?? "";
        // the figure it refers to stands in the same clause group (no ；between them)
        const prev = [...list.slice(0, i)].reverse().find((p) => p.indicator && !/[；;]/.test(s.slice(p.end, c.start)));
        const sameClause = prev && !/[，,；;]/.test(s.slice(prev.end, c.start));
        const dependent = c.metric.kind !== "quantity" && c.metric.kind !== "rate";
        const cs = clauseStart(s, Math.min(c.match.matchStart, c.start));
        if ((ind.length <= 2 && ind !== "人口") || (dependent && sameClause && ind.length <= 3)) {
          let ref = prev?.indicator ?? "";
          if (!ref && ind.length < 2) {
            const later = list.slice(i + 1).find((p) => (own.get(p) ?? "").length >= 2);
            ref = later ? own.get(later) ?? "" : "";
          }
          if (!ref && ind.length <= 2 && c.metric.dimension === "count") {
            // the clause before this one, in the same sentence
            if (cs > 1) ref = trimPhrase(s.slice(clauseStart(s, cs - 1), cs - 1), tok);
            if (ref.length > 14) ref = "";
          }
          // 总量达2037.7万户，其中企业929.8万户 → 总量中企业: a part of the whole named before 其中
          const partOf = /^其中/.test(s.slice(cs, c.start)) ? "中" : "";
          if (partOf) {
            const at = s.lastIndexOf("其中", c.start);
            const whole = [...list.slice(0, i)].reverse().find((p) => p.indicator && p.end <= at);
            if (whole) ref = whole.indicator ?? ref;
          }
          // a bare verb of change (比重从30%提升到40%: 提升) adds nothing to the indicator referred to
          if (ref && /^(?:提升|提高|增加|增长|扩大|缩小|下降|减少|降低|上升)$/.test(ind)) ind = "";
          // 生猪出栏1.2万头，存栏8600头: another measure of the same thing takes the thing, not the verb before it
          const thing = !partOf && ref && ATTRIBUTE.test(ind) ? subjectOf(ref, tok) : "";
          if (thing) ind = thing + ind;
          else if (ref) ind = ind && (partOf || !ref.includes(ind)) ? ref + partOf + ind : ref;
          // a bare 投资 says what it was spent on in a clause next to it
          else if (/^(?:投资|投入|资金)$/.test(ind) && c.metric.dimension === "money") ind = withWorks(ind, c, cs, list, own, tok);
        }
        // 经济增长预期7%左右: a bare subject (经济) is measured by its 增长
        if (c.metric.kind === "change" && ind.length <= 2 && ind && /^增长(?:预期|目标|率|速度)/.test(c.match.groups.dir?.text ?? "")) ind += "增长";
        // 户均增收3000元: 增收/减收 change an income, 增产/减产 an output, which the verb alone names
        const verb = c.metric.kind === "change" ? c.match.groups.dir?.text ?? "" : "";
        if (/^[增减]收$/.test(verb) && !/收入|收益/.test(ind)) ind += "收入";
        else if (/^[增减]产$/.test(verb) && !/产量|产值|总产/.test(ind)) ind += "产量";
        c.indicator = ind || null;
        // the value of a 比重/占比 is a share, not a rate (服务业比重从45.3%提高到51.6%; 占比从26%提升至35%)
        if (c.metric.kind === "rate" && c.indicator && /(?:比重|占比|份额|所占比例)$/.test(c.indicator)) c.metric = { ...c.metric, kind: "share" };
        // 覆盖率达到九成: tenths of a …率 are its value, a rate
        else if (c.metric.kind === "share" && c.match.rule.spec.id === "share-cheng" && c.indicator && /率$/.test(c.indicator)) c.metric = { ...c.metric, kind: "rate" };
        // a bare percentage after things (砖木结构房屋达到99.5%) is the share of them that are so, not a rate
        // (a percentage before an action, 100%网上备案, stays a rate of doing it)
        else if (c.metric.kind === "rate" && c.match.rule.spec.id === "rate-percent" && c.suffixEnd == null && c.indicator && isThingNoun(c.indicator, tok)) c.metric = { ...c.metric, kind: "share" };
        else if (c.metric.kind === "rate" && c.match.rule.spec.priority <= 12 && /(?:占比|比重)(?:从|由)[^，,。；;]{0,16}$/.test(s.slice(clauseStart(s, c.start), c.start))) {
          c.metric = { ...c.metric, kind: "share" };
        }
      });
      // 分别 lists: split the shared subject over the figures (基础设施、制造业投资分别增长9.4%、9.1%)
      for (const run of listRuns(list)) {
        const first = run[0];
        const from = clauseStart(s, first.match.matchStart);
        const subject = s.slice(from, first.match.matchStart);
        const listed0 = ALL_OF.test(subject) || /分别/.test(s.slice(first.match.matchStart, first.start));
        // 城镇居民…52368元、农村居民…28741元，分别增长5.2%和7.1%: the subjects are the figures before
        // (also without 分别: …人均纯收入5153元，实际增长9.8%和8.5%, changes with no subject of their own)
        const own = trimPhrase(subject.replace(ALL_OF, ""), tok);
        const earlier = list.slice(0, list.indexOf(first)).filter((p) => p.metric.kind === "quantity" || p.metric.kind === "rate");
        const named = earlier.slice(-run.length);
        const bare = !listed0 && run.length >= 2 && run.every((c) => c.metric.kind === "change") && named.length > 0 && !/[；;。]/.test(s.slice(named[0]!.end, first.start));
        if (!listed0 && !bare) continue;
        if (own.replace(/^(?:实际|名义|同比|比上年|分别|均)+/, "").replace(/(?:实际|名义)?(?:增长|下降|提高|减少)$/, "").length < 2 && named.length === run.length && new Set(named.map((p) => p.indicator)).size === run.length) {
          run.forEach((c, k) => (c.indicator = named[k].indicator));
          continue;
        }
        // 一季度、上半年、前三季度分别增长4.0%、5.0%和4.5%: the parts are periods of one indicator
        const listed = subject.replace(ALL_OF, "");
        const periods = PERIOD_LIST.exec(listed);
        const names = periods ? periods[0].split(/[、和及与]/) : [];
        if (periods && names.length === run.length) {
          const subj = trimPhrase(listed.slice(0, periods.index), tok);
          const before = [...list.slice(0, list.indexOf(first))].reverse().find((p) => p.indicator);
          const ref = subj.length >= 2 ? subj : before?.indicator ?? null;
          run.forEach((c, k) => {
            c.indicator = ref;
            c.periodPart = PERIOD_PART[names[k]] ?? undefined;
          });
          continue;
        }
        const parts = trimPhrase(subject.replace(ALL_OF, ""), tok)
          .split(/、|和|与|及/)
          .map((p) => trimPhrase(p, tok, false))
          .filter(Boolean);
        if (parts.length !== run.length) continue;
        // 广州、深圳地铁线网单日最高客运量: the short parts share the head of the last one
        const last = parts[parts.length - 1];
        const lead = tok.tag(last)[0]?.word ?? "";
        const shared = lead && last.length - lead.length >= 2 ? last.slice(lead.length) : "";
        // 先进制造业、高技术制造业增加值占…比重: a part that ends where the shared head begins joins it there
        const join = (part: string) => {
          for (let n = Math.min(part.length, shared.length) - 1; n >= 2; n--) if (part.endsWith(shared.slice(0, n))) return part + shared.slice(n);
          return part.length <= 4 ? part + shared : part;
        };
        run.forEach((c, k) => (c.indicator = k < parts.length - 1 && parts[k].length <= 8 && shared ? join(parts[k]) : parts[k]));
      }
    }
    return cands;
  },
};
