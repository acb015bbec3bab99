import { EMPTY_META, type DocumentMeta, type Level } from "../model/document.js";
import type { Heading } from "./types.js";

const FIVE_YEAR: Record<string, [number, number]> = {
  十一五: [2006, 2010], 十二五: [2011, 2015], 十三五: [2016, 2020], 十四五: [2021, 2025], 十五五: [2026, 2030], 十六五: [2031, 2035],
};

/** The years of a five-year plan named in a text: `fiveYearPeriod("“十二五”时期")` → "2011-2015". */
export function fiveYearPeriod(s: string, which: "first" | "last" = "first"): string | null {
  const all = [...s.matchAll(/(十[一二三四五六]五)/g)];
  const m = which === "first" ? all[0] : all[all.length - 1];
  if (!m) return null;
  const y = FIVE_YEAR[m[1]!];
  return y ? `${y[0]}-${y[1]}` : null;
}

/**
 * Document metadata from the front matter and the part headings; what the report does not say is null.
 * `documentMeta("政府工作报告\n——在上海市崇明区东平镇第二届人民代表大会第五次会议上\n施 宏\n(2023年8月1日)", [])`
 */
export function documentMeta(front: string, headings: Heading[]): DocumentMeta {
  const meta: DocumentMeta = { ...EMPTY_META };
  const lines = front.split(/\n| {2,}/).map((l) => l.trim()).filter(Boolean);
  const flat = front.replace(/\s+/g, "");

  const titleLine = lines.find((l) => /工作报告/.test(l.replace(/\s+/g, "")));
  // the line that names the report; else a short first line that is not a date, a session or a name
  const firstLine = lines.find((l) => l.length >= 6 && l.length <= 40 && !/^[—\-(（]/.test(l) && !/会议|^\d{4}年\d/.test(l));
  meta.title = titleLine ? titleLine.replace(/\s+/g, "").replace(/^.*?(?=政府工作报告)/, "") : firstLine ? firstLine.replace(/\s+/g, "") : null;

  const date = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(flat);
  if (date) {
    meta.report_date = `${date[1]}-${date[2].padStart(2, "0")}-${date[3].padStart(2, "0")}`;
    meta.report_year = Number(date[1]);
  }

  const session = /(第[一二三四五六七八九十]+届)(.{0,24}?)(人民代表大会|人大)(?:常务委员会)?(第[一二三四五六七八九十]+次会议)/.exec(flat);
  if (session) {
    const before = flat.slice(0, session.index);
    const place = (/在([^在]*)$/.exec(before)?.[1] ?? "") + session[2];
    meta.session = `${session[1]}${/全国/.test(session[2]) ? "全国" : ""}${session[3]}${session[4]}`;
    if (/全国/.test(session[2]) || (/^$/.test(place) && /全国人民代表大会/.test(flat))) {
      meta.level = "national";
      meta.region = "全国";
    } else {
      Object.assign(meta, splitRegion(place));
    }
  } else if (/全国人民代表大会/.test(flat)) {
    meta.level = "national";
    meta.region = "全国";
  }
  if (!meta.region) {
    // no session line: the place the title starts with (青山镇2024年政府工作报告, 东城街道办事处2023年工作总结)
    const place = titlePlace((titleLine ?? firstLine ?? "").replace(/\s+/g, ""));
    if (place) Object.assign(meta, place);
  }

  // the speaker, with their title when given: 广东省省长 孟凡利; 海拉尔区人民政府区长　　杜联合; 施 宏
  const TITLE = /^(?<title>[\u4e00-\u9fa5]{0,24}?(?:总理|副总理|省长|市长|区长|县长|镇长|乡长|旗长|州长|主席|盟长|主任|代区长|代市长|代县长|代省长|代镇长|代乡长))\s*(?<name>[\u4e00-\u9fa5](?:\s?[\u4e00-\u9fa5]){1,3})$/;
  const candidates = [...lines, ...lines.slice(0, -1).map((l, i) => `${l} ${lines[i + 1]}`)];
  const speaker = candidates.map((l) => TITLE.exec(l)).find((m) => m && !/报告|代表|会议/.test(m.groups!.name));
  if (speaker?.groups) {
    meta.speaker = speaker.groups.name.replace(/\s+/g, "");
    meta.speaker_title = speaker.groups.title;
  } else {
    const bare = lines.find((l) => /^[\u4e00-\u9fa5](?:\s?[\u4e00-\u9fa5]){1,3}$/.test(l) && !/报告|代表|会议/.test(l));
    if (bare) meta.speaker = bare.replace(/\s+/g, "");
  }

  // Periods from the part headings, filling what an earlier pass left open: `fill(year)` keeps the
  // periods already found and adds those a (newly known) report year makes readable.
  const fill = (year: number | null) => {
    const p = partPeriods(headings, year);
    meta.review_period ??= p.review_period;
    meta.plan_period ??= p.plan_period;
  };
  fill(meta.report_year);
  if (meta.report_year === null && meta.title) {
    // no date in the front matter: the year the title names (XX街道2024年上半年工作总结及下半年工作计划)
    const y = /(\d{4})年/.exec(meta.title);
    if (y) meta.report_year = Number(y[1]);
  }
  if (meta.report_year !== null && !meta.report_date) fill(meta.report_year);
  if (meta.report_year === null) {
    // no year anywhere in front: the year the review heading names, plus one, or the plan year
    const planYear = meta.plan_period && /^\d{4}$/.test(meta.plan_period) ? Number(meta.plan_period) : null;
    const reviewYear = meta.review_period && /^\d{4}$/.test(meta.review_period) ? Number(meta.review_period) : null;
    meta.report_year = planYear ?? (reviewYear ? reviewYear + 1 : null);
    if (meta.report_year !== null) fill(meta.report_year);
  }
  return meta;
}

/**
 * The administrative unit a title starts with, or null when it names none:
 * `titlePlace("东城街道办事处2023年工作总结")` → { region: "东城街道", town: "东城街道", level: "town", … }.
 */
export function titlePlace(title: string): Partial<DocumentMeta> | null {
  const m = /^(?:关于)?([\u4e00-\u9fa5]{2,30}?)(?:人民政府|办事处|政府)?(?:\d{4}|[〇零一二三四五六七八九]{4}|政府工作报告|工作报告|工作总结)/.exec(title);
  if (!m) return null;
  const place = m[1];
  const out = splitRegion(place);
  // only a name that ends in an administrative unit is a place (not 关于…, 我市…, 本镇…)
  if (!out.level || /^[我本全该]/.test(place) || !/(?:省|自治区|市|州|盟|地区|区|县|旗|镇|乡|街道|苏木)$/.test(place)) return null;
  return out;
}

/** The period a part heading covers: `headingPeriod("2023年上半年工作回顾", "review", 2023)` → "2023H1". */
export function headingPeriod(title: string, part: "review" | "plan", reportYear: number | null): string | null {
  const y = /(\d{4})年/.exec(title);
  if (y) {
    if (/上半年/.test(title)) return `${y[1]}H1`;
    if (/下半年/.test(title)) return `${y[1]}H2`;
    return y[1];
  }
  // a plan heading that looks back on one plan and ahead to the next plans the last it names
  const five = fiveYearPeriod(title, part === "plan" ? "last" : "first");
  if (five) return five;
  if (reportYear === null) return null;
  if (part === "review") {
    if (/过去一年|上一年|去年/.test(title)) return String(reportYear - 1);
    if (/过去五年|五年/.test(title)) return `${reportYear - 5}-${reportYear - 1}`;
    if (/上半年/.test(title)) return `${reportYear}H1`;
  } else {
    if (/今年|本年/.test(title)) return String(reportYear);
    if (/下半年/.test(title)) return `${reportYear}H2`;
    if (/今后五年/.test(title)) return `${reportYear}-${reportYear + 4}`;
  }
  return null;
}

const PROVINCES = /^(北京市|天津市|上海市|重庆市|[\u4e00-\u9fa5]{2,3}省|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区|香港特别行政区|澳门特别行政区)/;

/** `splitRegion("上海市崇明区东平镇")` → province 上海市, county 崇明区, town 东平镇, level town. */
export function splitRegion(place: string): Partial<DocumentMeta> {
  let rest = place.replace(/^(?:在|于)/, "");
  const out: Partial<DocumentMeta> = { region: rest || null, province: null, city: null, county: null, town: null, level: null };
  const prov = PROVINCES.exec(rest);
  if (prov) {
    out.province = prov[1];
    rest = rest.slice(prov[1].length);
  }
  const city = /^([\u4e00-\u9fa5]{1,6}?(?:自治州|市|地区|盟|州))(?![市县区旗])/.exec(rest);
  if (city && !/[区县旗]$/.test(city[1])) {
    out.city = city[1];
    rest = rest.slice(city[1].length);
  }
  const county = /^([\u4e00-\u9fa5]{1,8}?(?:区|县|旗|自治县|市))/.exec(rest);
  if (county) {
    out.county = county[1];
    rest = rest.slice(county[1].length);
  }
  const town = /^([\u4e00-\u9fa5]{1,8}?(?:镇|乡|街道|苏木))/.exec(rest);
  if (town) out.town = town[1];
  let level: Level | null = null;
  if (out.town) level = "town";
  else if (out.county) level = "county";
  else if (out.city) level = "city";
  else if (out.province) level = "provincial";
  out.level = level;
  if (!out.region) out.region = null;
  return out;
}


/** The review and plan periods the part headings name: `partPeriods(headings, 2024)` → { review_period: "2023", plan_period: "2024" }. */
export function partPeriods(headings: Heading[], reportYear: number | null): { review_period: string | null; plan_period: string | null } {
  let review: string | null = null;
  let plan: string | null = null;
  for (const h of headings.filter((x) => x.rank <= 1 && x.part)) {
    const p = headingPeriod(h.title, h.part!, reportYear);
    if (h.part === "review" && !review) review = p;
    // the year's plan, where a report also sets out a five-year plan (二、“十五五”目标 … 三、2026年工作)
    if (h.part === "plan" && (!plan || (p && /^\d{4}$/.test(p) && !/^\d{4}$/.test(plan)))) plan = p ?? plan;
  }
  return { review_period: review, plan_period: plan };
}
