import type { AttainmentRow, JoinedPanelRow, LevelRow, WideRow } from "../model/join.js";
import { escapeHtml as e } from "./html.js";
import { plainNumber } from "./number.js";
import { ACTUAL_COLOR, CHART_FONT, compactNumber, levelsChartSvg, PARENT_COLOR, seriesChartSvg, TARGET_COLOR } from "./panel-charts.js";

/** The tables the page shows (those of `joinPanel`). */
export interface PanelPageData {
  panel: readonly JoinedPanelRow[];
  attainment: readonly AttainmentRow[];
  levels: readonly LevelRow[];
  wide: { columns: readonly string[]; rows: readonly WideRow[]; units: Readonly<Record<string, string | null>> };
}

export interface PanelPageOptions {
  /** Page title (default "zhibiao panel · 目标与实际"). */
  title?: string;
  /** At most this many region × indicator charts (default 400); the rest are named, not drawn. */
  maxCharts?: number;
  /** At most this many period × indicator bar charts of levels (default 120). */
  maxLevelCharts?: number;
  /** At most this many attainment table rows (default 2000). */
  maxTableRows?: number;
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.5 ${CHART_FONT};color:#1d2733;background:#f5f7fa}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #dde3ea}h1{margin:0 0 4px;font-size:20px}
.summary{margin:0;color:#52606d}main{padding:8px 24px 32px}h2{font-size:17px;margin:24px 0 8px}h3{font-size:15px;margin:18px 0 6px}
.key{display:inline-flex;gap:14px;margin-left:12px;font-size:12px;color:#52606d;font-weight:normal}
.key i{display:inline-block;width:18px;height:0;border-top:2px solid;vertical-align:middle;margin-right:4px}
.key i.t{border-top-style:dashed;border-color:${TARGET_COLOR}}.key i.a{border-color:${ACTUAL_COLOR}}
.key b{display:inline-block;width:10px;height:10px;vertical-align:middle;margin-right:4px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(390px,1fr));gap:10px}
figure.chart.span2{grid-column:span 2}figure.chart.span3{grid-column:span 3}
figure.chart{margin:0;background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:4px;overflow-x:auto}
figure.chart figcaption{font-size:11px;color:#7b8794;padding:0 6px 4px}
nav.regions{display:flex;flex-wrap:wrap;gap:6px 12px;font-size:13px}nav.regions a{color:#2b6cb0;text-decoration:none}
.more{color:#7b8794;font-size:12px}
table{border-collapse:collapse;background:#fff;font-size:12px}th,td{border:1px solid #dde3ea;padding:3px 8px;text-align:left}
th{background:#e8eef7;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.met{color:#1f7a3f;font-weight:bold}td.unmet{color:#b42318;font-weight:bold}
`;

const num = (v: number | null): string => (v === null ? "" : plainNumber(v));
const range = (v: number, max: number | null): string => (max === null ? plainNumber(v) : `${plainNumber(v)}–${plainNumber(max)}`);
const anchor = (key: string): string => `r-${key.replace(/[^0-9A-Za-z_-]/g, (c) => c.codePointAt(0)?.toString(16) ?? "_")}`;

const DIVISION = /[^省市区县旗盟州镇乡]*?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|街道|省|市|区|县|旗|盟|州|镇|乡)/gu;

/** The innermost division of a full region name, for a short axis label: `innermost("广东省深圳市盐田区")` → "盐田区". */
export function innermost(region: string | null): string {
  if (!region) return "?";
  const parts = region.match(DIVISION) ?? [];
  const rest = region.slice(parts.join("").length);
  return rest || parts[parts.length - 1] || region;
}

/** The Chinese name of every code, from the panel rows (the first row that has one). */
function namesOf(panel: readonly JoinedPanelRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of panel) if (r.indicator_name && !names.has(r.indicator_code)) names.set(r.indicator_code, r.indicator_name);
  return names;
}

/** The unit of each code's wide columns (one unit a chart). */
function unitsOf(wide: PanelPageData["wide"]): Map<string, string> {
  const units = new Map<string, string>();
  for (const [column, unit] of Object.entries(wide.units)) if (unit) units.set(column.replace(/_(target|actual)$/, ""), unit);
  return units;
}

/** Per region key and code, the values in another unit than the chart's (not drawn): count and units. */
function otherUnits(panel: readonly JoinedPanelRow[], units: Map<string, string>): Map<string, { n: number; units: Set<string> }> {
  const out = new Map<string, { n: number; units: Set<string> }>();
  for (const r of panel) {
    const unit = units.get(r.indicator_code);
    if (r.absent || r.unit === null || unit === undefined || r.unit === unit) continue;
    const key = `${r.region_code ?? `name:${r.region}`}|${r.indicator_code}`;
    const o = out.get(key) ?? { n: 0, units: new Set<string>() };
    o.n++;
    o.units.add(r.unit);
    out.set(key, o);
  }
  return out;
}

interface RegionSeries {
  key: string;
  name: string;
  code: string | null;
  rows: WideRow[];
}

function regionsOf(wide: PanelPageData["wide"]): RegionSeries[] {
  const out = new Map<string, RegionSeries>();
  for (const row of wide.rows) {
    const key = row.region_code ?? `name:${row.region}`;
    let r = out.get(key);
    if (!r) out.set(key, (r = { key, name: row.region ?? row.region_code ?? "?", code: row.region_code, rows: [] }));
    r.rows.push(row);
  }
  return [...out.values()];
}

/** The codes of the wide table, in its column order. */
function codesOf(wide: PanelPageData["wide"]): string[] {
  return wide.columns.filter((c) => c.endsWith("_target")).map((c) => c.slice(0, -"_target".length));
}

function seriesSection(data: PanelPageData, names: Map<string, string>, units: Map<string, string>, max: number): string {
  const others = otherUnits(data.panel, units);
  const codes = codesOf(data.wide);
  const parts: string[] = [];
  const skipped: string[] = [];
  let drawn = 0;
  const regions = regionsOf(data.wide);
  for (const region of regions) {
    const figures: string[] = [];
    for (const code of codes) {
      const rows = region.rows.filter((r) => r[`${code}_target`] !== null || r[`${code}_actual`] !== null);
      if (!rows.length) continue;
      const name = names.get(code) ?? code;
      if (drawn >= max) {
        skipped.push(`${region.name} · ${name}`);
        continue;
      }
      drawn++;
      const value = (r: WideRow, column: string) => {
        const v = r[column];
        return typeof v === "number" ? v : null;
      };
      const svg = seriesChartSvg({
        title: name,
        subtitle: `${region.name} · ${code}${units.get(code) ? ` · ${units.get(code)}` : ""}`,
        periods: rows.map((r) => r.period),
        target: rows.map((r) => value(r, `${code}_target`)),
        actual: rows.map((r) => value(r, `${code}_actual`)),
      });
      const other = others.get(`${region.key}|${code}`);
      const otherNote = other ? ` · ${other.n} value${other.n === 1 ? "" : "s"} in ${[...other.units].join("、")} not drawn (panel.csv)` : "";
      figures.push(
        `<figure class="chart series" data-region="${e(region.name)}" data-region-code="${e(region.code ?? "")}" data-indicator="${e(code)}">${svg}<figcaption>${e(region.name)} · ${e(name)}（${e(code)}）${e(otherNote)}</figcaption></figure>`,
      );
    }
    if (figures.length) parts.push(`<section class="region" id="${anchor(region.key)}"><h3>${e(region.name)}${region.code ? ` <span class="more">${e(region.code)}</span>` : ""}</h3><div class="grid">${figures.join("")}</div></section>`);
  }
  const nav = `<nav class="regions">${regions.map((r) => `<a href="#${anchor(r.key)}">${e(r.name)}</a>`).join("")}</nav>`;
  const more = skipped.length ? `<p class="more">${skipped.length} more series not drawn (see panel_wide.csv): ${e(skipped.slice(0, 50).join("、"))}${skipped.length > 50 ? " …" : ""}</p>` : "";
  return `<section id="series"><h2>目标与实际 · Targets and actuals by region<span class="key"><span><i class="t"></i>目标 target</span><span><i class="a"></i>实际 actual</span></span></h2>${nav}${parts.join("")}${more}</section>`;
}

/** Regions a bar chart shows at most; a larger group is cut into several charts, by parent region. */
const BARS_PER_CHART = 24;

function levelsSection(levels: readonly LevelRow[], names: Map<string, string>, units: Map<string, string>, order: readonly string[], max: number): string {
  const head = `<h2>本级与上级目标 · Targets beside the parent region's<span class="key"><span><b style="background:${TARGET_COLOR}"></b>本级目标</span><span><b style="background:${PARENT_COLOR}"></b>上级目标</span></span></h2>`;
  if (!levels.length) return `<section id="levels">${head}<p class="more">No region has a parent region's report of the same year in these outputs.</p></section>`;
  const groups = new Map<string, LevelRow[]>();
  const mixed = new Map<string, number>();
  for (const l of levels) {
    const key = `${l.period}\u0000${l.indicator_code}`;
    if (l.unit !== l.parent_unit || (units.has(l.indicator_code) && l.unit !== units.get(l.indicator_code))) {
      mixed.set(key, (mixed.get(key) ?? 0) + 1);
      continue;
    }
    const list = groups.get(key);
    if (list) list.push(l);
    else groups.set(key, [l]);
  }
  const rank = new Map(order.map((c, i) => [c, i]));
  const keys = [...groups.keys()]
    .map((key) => key.split("\u0000") as [string, string])
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : (rank.get(x[1]) ?? Infinity) - (rank.get(y[1]) ?? Infinity)));
  const charts: { period: string; code: string; rows: LevelRow[]; part: string; first: boolean }[] = [];
  for (const [period, code] of keys) {
    const rows = [...(groups.get(`${period}\u0000${code}`) ?? [])].sort((x, y) => (x.parent_region_code + x.region_code < y.parent_region_code + y.region_code ? -1 : 1));
    const parts = Math.ceil(rows.length / BARS_PER_CHART);
    for (let i = 0; i < parts; i++) charts.push({ period, code, rows: rows.slice(i * BARS_PER_CHART, (i + 1) * BARS_PER_CHART), part: parts > 1 ? ` (${i + 1}/${parts})` : "", first: i === 0 });
  }
  const figures = charts.slice(0, max).map(({ period, code, rows, part, first }) => {
    const name = names.get(code) ?? rows[0]?.indicator_name ?? code;
    const svg = levelsChartSvg({
      title: `${period} · ${name}${part}`,
      subtitle: `本级目标与上级目标 · ${code}${units.get(code) ? ` · ${units.get(code)}` : ""}`,
      categories: rows.map((r) => `${innermost(r.region)}\n(${r.parent_region ? innermost(r.parent_region) : r.parent_region_code})`),
      own: rows.map((r) => r.value),
      parent: rows.map((r) => r.parent_value),
    });
    const span = rows.length > 8 ? " span3" : rows.length > 4 ? " span2" : "";
    const other = mixed.get(`${period}\u0000${code}`);
    return `<figure class="chart levels${span}" data-period="${e(period)}" data-indicator="${e(code)}">${svg}<figcaption>${e(period)} · ${e(name)}${e(part)} · ${rows.length} pair${rows.length === 1 ? "" : "s"}${other && first ? ` · ${other} in other units not drawn (levels.csv)` : ""}</figcaption></figure>`;
  });
  const more = charts.length > max ? `<p class="more">${charts.length - max} more bar charts not drawn (see levels.csv).</p>` : "";
  return `<section id="levels">${head}<div class="grid">${figures.join("")}</div>${more}</section>`;
}

function attainmentSection(rows: readonly AttainmentRow[], max: number): string {
  const head = ["地区 region", "指标 indicator", "期间 period", "目标 target", "实际 actual", "差距 gap", "完成 met", "报告 reports"];
  const body = rows.slice(0, max).map((a) => {
    const target = `${range(a.target_value, a.target_value_max)}${a.target_unit ? ` ${a.target_unit}` : ""}${a.target_qualifier && a.target_qualifier !== "exact" ? ` (${a.target_qualifier})` : ""}`;
    const gap = `${a.gap > 0 ? "+" : ""}${Math.abs(a.gap) >= 1e4 ? compactNumber(a.gap) : num(a.gap)}`;
    return `<tr><td>${e(a.region ?? a.region_code ?? "")}</td><td>${e(a.indicator_name || a.indicator_code)}</td><td>${e(a.period)}</td><td class="num">${e(target)}</td><td class="num">${e(num(a.actual_value))}${a.actual_unit ? ` ${e(a.actual_unit)}` : ""}</td><td class="num">${e(gap)}</td><td class="${a.met ? "met" : "unmet"}">${a.met ? "✓ 完成" : "✗ 未完成"}</td><td>${e(a.target_doc_id)} → ${e(a.actual_doc_id)}${a.note ? ` <span class="more">${e(a.note)}</span>` : ""}</td></tr>`;
  });
  const more = rows.length > max ? `<p class="more">${rows.length - max} more pairs in attainment.csv.</p>` : "";
  const met = rows.filter((a) => a.met).length;
  return `<section id="attainment"><h2>目标完成 · Attainment <span class="more">${met} of ${rows.length} targets met</span></h2><table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>${body.join("")}</tbody></table>${more}</section>`;
}

/**
 * The panel page: per region and indicator a line chart of targets and actuals over the years, per
 * period and indicator a bar chart of regions' targets beside their parents', and the attainment table.
 * Charts are SVG rendered on the server by ECharts, so the page has no script and needs no network:
 * `buildPanelHtml(joinPanel(rows, opts), { title: "广东 2015–2016" })`.
 */
export function buildPanelHtml(data: PanelPageData, opts: PanelPageOptions = {}): string {
  const title = opts.title ?? "zhibiao panel · 目标与实际";
  const names = namesOf(data.panel);
  const units = unitsOf(data.wide);
  const reports = new Set(data.panel.map((r) => r.doc_id)).size;
  const summary = `${reports} reports · ${data.panel.length} cells · ${data.attainment.length} attainment pairs · ${data.levels.length} level pairs`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title><style>${CSS}</style></head>
<body><header><h1>${e(title)}</h1><p class="summary">${e(summary)}</p></header><main>
${seriesSection(data, names, units, opts.maxCharts ?? 400)}
${levelsSection(data.levels, names, units, codesOf(data.wide), opts.maxLevelCharts ?? 120)}
${attainmentSection(data.attainment, opts.maxTableRows ?? 2000)}
</main></body></html>
`;
}
