/**
 * Chinese column names and examples of the record columns. Meanings are not here: they are the
 * `.describe(...)` of each field in src/model/record.ts. A field added to the schema without an entry
 * here still gets a codebook row (its Chinese name falls back to a `title` in the schema's `.meta()`,
 * then to the column name) — add it here to give it a proper name and example.
 */
export const ZH_NAMES: Readonly<Record<string, string>> = {
  doc_id: "文档编号",
  record_id: "记录编号",
  start: "起始位置",
  end: "结束位置",
  raw: "原文",
  kind: "类别",
  value: "数值",
  value_max: "数值上限",
  unit: "单位",
  qualifier: "限定",
  dimension: "量纲",
  si_value: "国际单位数值",
  si_unit: "国际单位",
  indicator: "指标",
  indicator_code: "指标代码",
  indicator_name: "指标名称",
  status: "状态",
  period: "时期",
  period_inferred: "时期为推断",
  section: "章节路径",
  section_title: "章节标题",
  topic: "主题句",
  sentence: "句子",
  rule_id: "规则编号",
  region: "地区",
  region_code: "区划代码",
  report_date: "报告日期",
};

/** One example value per column, taken from the seed report (seeds/000_a856141411780175.txt). */
export const EXAMPLES: Readonly<Record<string, string | number | boolean>> = {
  doc_id: "000_a856141411780175",
  record_id: "9c1f2e7a4b3d5e60",
  start: 1130,
  end: 1138,
  raw: "14869 万元",
  kind: "quantity",
  value: 148690000,
  value_max: 6,
  unit: "元",
  qualifier: "at_least",
  dimension: "money",
  si_value: 666.67,
  si_unit: "m²",
  indicator: "拆除数据库外存量违法建筑",
  indicator_code: "gdp_growth",
  indicator_name: "地区生产总值增长率",
  status: "actual",
  period: "2023H1",
  period_inferred: true,
  section: "2023年上半年工作回顾 > 坚持生态优先，促进环境质量持续改善",
  section_title: "坚持生态优先，促进环境质量持续改善",
  topic: "生态环境常治长效",
  sentence: "拆除数据库外存量违法建筑 2500 平方米，完成年度指标的 78%。",
  rule_id: "quantity-number-unit",
  region: "上海市崇明区东平镇",
  region_code: "310151115",
  report_date: "2023-08-01",
};

/** Chinese names of the kinds, for the statements table and the review page legend. */
export const KIND_ZH: Readonly<Record<string, string>> = {
  quantity: "数量",
  rate: "比率",
  progress: "完成进度",
  change: "变化",
  baseline: "基期值",
  share: "占比",
};
