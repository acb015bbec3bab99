import { DocumentRecordSchema, type DocumentRecord } from "../model/document.js";
import { csvLines } from "./dataset-format.js";

/** The columns of documents.csv: every field of a documents.jsonl line, in its order. */
export const DOCUMENT_COLUMNS = Object.keys(DocumentRecordSchema.shape) as (keyof DocumentRecord)[];

/** Chinese names of the documents.csv columns (`--header zh`). */
export const DOCUMENT_COLUMNS_ZH: Readonly<Record<keyof DocumentRecord, string>> = {
  doc_id: "文档编号", path: "文件路径", status: "状态", reader: "读取方式", encoding: "编码", bytes: "字节数", chars: "字符数",
  sha256: "SHA-256", record_count: "记录数", errors: "错误", title: "标题", region: "地区", region_code: "区划代码",
  region_parents: "上级区划代码", province: "省", city: "市", county: "县区", town: "乡镇街道", level: "行政级别",
  session: "会议", speaker: "报告人", speaker_title: "报告人职务", report_date: "报告日期", report_year: "报告年份",
  review_period: "回顾时期", plan_period: "计划时期",
};

/**
 * documents.csv: BOM, header, one row per documents.jsonl line, as records.csv writes cells (lists
 * joined by "; ", null empty): `documentsCsv(docs, "en")`.
 */
export function documentsCsv(docs: readonly DocumentRecord[], header: "en" | "zh" = "en"): string {
  const head = header === "zh" ? DOCUMENT_COLUMNS.map((c) => DOCUMENT_COLUMNS_ZH[c]) : DOCUMENT_COLUMNS;
  return "\uFEFF" + csvLines([head, ...docs.map((d) => DOCUMENT_COLUMNS.map((c) => d[c]))]);
}
