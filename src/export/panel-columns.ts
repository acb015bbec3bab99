import { PANEL_COLUMNS, PanelRowSchema, type PanelRow } from "../model/panel.js";
import type { HeaderLanguage } from "./columns.js";

/** Chinese column names of panel.csv (`--header zh`). */
export const PANEL_ZH: Record<keyof PanelRow, string> = {
  doc_id: "文档编号", region: "地区", region_code: "区划代码", level: "行政层级", report_year: "报告年份",
  indicator_code: "指标代码", indicator_name: "指标名称", status: "状态", period: "时期", value: "数值",
  value_max: "数值上限", unit: "单位", qualifier: "限定", absent: "未设目标", conflict: "冲突值",
  record_id: "记录编号", start: "起始位置", end: "结束位置", raw: "原文", sentence: "句子", section: "章节",
};

/** The header row of panel.csv: `panelHeader("zh")[0]` → "文档编号". */
export function panelHeader(header: HeaderLanguage = "en"): string[] {
  return header === "zh" ? PANEL_COLUMNS.map((c) => PANEL_ZH[c]) : [...PANEL_COLUMNS];
}

/** A panel row as the cells of panel.csv, in column order: `panelCells(row)[6]` → "地区生产总值增长率". */
export function panelCells(row: PanelRow): unknown[] {
  return PANEL_COLUMNS.map((c) => row[c]);
}

/** The description of each panel column, for the codebook: `panelDescriptions().value`. */
export function panelDescriptions(): Record<keyof PanelRow, string> {
  return Object.fromEntries(PANEL_COLUMNS.map((c) => [c, PanelRowSchema.shape[c].description ?? ""])) as Record<keyof PanelRow, string>;
}
