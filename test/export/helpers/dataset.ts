import type { Dataset } from "../../../src/export/dataset.js";
import type { DocumentRecord } from "../../../src/model/document.js";
import { DOC_ID, REPORT_PATH, RECORDS, REPORT_TEXT } from "../../fixtures/export/records.js";

/** The documents.jsonl line of the fixture report. */
export const DOCUMENT: DocumentRecord = {
  doc_id: DOC_ID, path: REPORT_PATH, status: "ok", reader: "txt", encoding: "utf-8", bytes: Buffer.byteLength(REPORT_TEXT), chars: REPORT_TEXT.length,
  sha256: "0".repeat(64), record_count: RECORDS.length, errors: [],
  title: "示范镇政府工作报告", region: "示范镇", region_code: null, region_parents: [], province: null, city: null, county: null, town: "示范镇", level: "town",
  session: null, speaker: null, speaker_title: null, report_date: "2023-08-01", report_year: 2023, review_period: "2023H1", plan_period: "2023H2",
};

/** The fixture as one run's dataset. */
export const DATASET: Dataset = { records: RECORDS, documents: [DOCUMENT], diagnostics: [] };
