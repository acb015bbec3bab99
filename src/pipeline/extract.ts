import type { MetricRecord } from "../model/record.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { EMPTY_META, type DocumentMeta } from "../model/document.js";
import type { Engine } from "./engine.js";

export interface TextOptions {
  doc_id: string;
  report_date?: string | null;
  region?: string | null;
}

export interface ExtractTextResult {
  records: MetricRecord[];
  diagnostics: Diagnostic[];
  meta: DocumentMeta;
}

/** read → normalize → segment → match → resolve → refine over one text. */
export function extractText(_source: string, _opts: TextOptions, _engine: Engine): ExtractTextResult {
  return { records: [], diagnostics: [], meta: { ...EMPTY_META } };
}
