import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { EChartsOption } from "echarts";

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** Fonts of the chart text: Chinese first, as the page has them. */
export const CHART_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";
export const TARGET_COLOR = "#d9822b";
export const ACTUAL_COLOR = "#2b6cb0";
export const PARENT_COLOR = "#8c9bab";

/** A number in Chinese magnitudes, 4 significant digits: `compactNumber(126e12)` → "126万亿". */
export function compactNumber(v: number): string {
  const a = Math.abs(v);
  const fmt = (x: number) => String(Number(x.toPrecision(4)));
  if (a >= 1e12) return `${fmt(v / 1e12)}万亿`;
  if (a >= 1e8) return `${fmt(v / 1e8)}亿`;
  if (a >= 1e4) return `${fmt(v / 1e4)}万`;
  return fmt(v);
}

/** Renders an option to an SVG string on the server (no script needed to show it). */
function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** One region × indicator over the periods: targets and actuals, null where a period has none. */
export interface SeriesChart {
  title: string;
  subtitle: string;
  periods: readonly string[];
  target: readonly (number | null)[];
  actual: readonly (number | null)[];
}

/** Labels on the points when they fit. */
const LABELLED = 10;

/** Where a period stands on the year axis: `periodX("2023")` → 2023; a first half `2023H1` → 2023.5 (between its year and the next). */
export function periodX(period: string): number | null {
  const m = /^(\d{4})(H1)?$/.exec(period);
  return m ? Number(m[1]) + (m[2] ? 0.5 : 0) : null;
}

/** The [x, value] points of a series: periods on the year axis, periods without a value left out. */
function points(periods: readonly string[], values: readonly (number | null)[]): [number, number][] {
  const out: [number, number][] = [];
  periods.forEach((p, i) => {
    const x = periodX(p);
    const v = values[i];
    if (x !== null && typeof v === "number") out.push([x, v]);
  });
  return out;
}

/**
 * The line chart of one region × indicator: targets dashed (hollow markers), actuals solid, on a year
 * axis (so gaps between reports show), as SVG:
 * `seriesChartSvg({ title: "地区生产总值增长率", subtitle: "全国", periods: ["2015"], target: [7], actual: [6.9] })`.
 */
export function seriesChartSvg(spec: SeriesChart, width = 380, height = 250): string {
  const target = points(spec.periods, spec.target);
  const actual = points(spec.periods, spec.actual);
  const xs = [...target, ...actual].map(([x]) => x);
  const lo = xs.length ? Math.floor(Math.min(...xs)) : 0;
  const hi = xs.length ? Math.ceil(Math.max(...xs)) : 0;
  const single = hi - lo < 1;
  const label = (position: "top" | "bottom") => ({
    show: target.length + actual.length <= 2 * LABELLED,
    position,
    fontSize: 10,
    formatter: (p: { value: unknown }) => (Array.isArray(p.value) && typeof p.value[1] === "number" ? compactNumber(p.value[1]) : ""),
  });
  return renderSvg(
    {
      title: { text: spec.title, subtext: spec.subtitle, left: 8, top: 4, textStyle: { fontSize: 13, fontFamily: CHART_FONT }, subtextStyle: { fontSize: 11, fontFamily: CHART_FONT } },
      legend: { data: ["目标", "实际"], right: 8, top: 6, textStyle: { fontFamily: CHART_FONT, fontSize: 11 }, itemWidth: 18, itemHeight: 8 },
      grid: { left: 58, right: 22, top: 64, bottom: 28 },
      xAxis: {
        type: "value",
        min: single ? lo - 1 : lo,
        max: single ? hi + 1 : hi,
        minInterval: 1,
        splitLine: { show: false },
        axisLabel: { fontSize: 10, formatter: (v: number) => (Number.isInteger(v) ? String(v) : "") },
      },
      yAxis: { type: "value", scale: true, axisLabel: { fontSize: 10, formatter: (v: number) => compactNumber(v) } },
      series: [
        { name: "目标", type: "line", data: target, labelLayout: { hideOverlap: true }, symbol: "emptyCircle", symbolSize: 7, lineStyle: { type: "dashed", width: 2, color: TARGET_COLOR }, itemStyle: { color: TARGET_COLOR }, label: label("top") },
        { name: "实际", type: "line", data: actual, labelLayout: { hideOverlap: true }, symbol: "circle", symbolSize: 7, lineStyle: { width: 2, color: ACTUAL_COLOR }, itemStyle: { color: ACTUAL_COLOR }, label: label("bottom") },
      ],
    },
    width,
    height,
  );
}

/** Regions' targets for one period and indicator, each beside its parent's. */
export interface LevelsChart {
  title: string;
  subtitle: string;
  categories: readonly string[];
  own: readonly number[];
  parent: readonly number[];
}

/**
 * The bar chart of regions' targets beside their parents' for one period and indicator, as SVG:
 * `levelsChartSvg({ title: "2016 · 地区生产总值增长率", subtitle: "", categories: ["盐田区\n(深圳市)"], own: [9], parent: [8.5] })`.
 */
export function levelsChartSvg(spec: LevelsChart, height = 280): string {
  const n = spec.categories.length;
  const width = n > 8 ? 1180 : n > 4 ? 780 : 380;
  const label = { show: spec.categories.length <= 12, position: "top" as const, fontSize: 10, formatter: (p: { value: unknown }) => (typeof p.value === "number" ? compactNumber(p.value) : "") };
  return renderSvg(
    {
      title: { text: spec.title, subtext: spec.subtitle, left: 8, top: 4, textStyle: { fontSize: 13, fontFamily: CHART_FONT }, subtextStyle: { fontSize: 11, fontFamily: CHART_FONT } },
      legend: { data: ["本级目标", "上级目标"], right: 8, top: 6, textStyle: { fontFamily: CHART_FONT, fontSize: 11 }, itemWidth: 14, itemHeight: 10 },
      grid: { left: 56, right: 16, top: 64, bottom: 52 },
      xAxis: { type: "category", data: [...spec.categories], axisLabel: { fontSize: 10, interval: 0 } },
      yAxis: { type: "value", axisLabel: { fontSize: 10, formatter: (v: number) => compactNumber(v) } },
      series: [
        { name: "本级目标", type: "bar", data: [...spec.own], itemStyle: { color: TARGET_COLOR }, barMaxWidth: 28, label },
        { name: "上级目标", type: "bar", data: [...spec.parent], itemStyle: { color: PARENT_COLOR }, barMaxWidth: 28, label },
      ],
    },
    width,
    height,
  );
}
