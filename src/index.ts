/** The library API: `import { extract } from "zhibiao"`. */
import { ExtractOptionsSchema, type ExtractOptions } from "./model/options.js";
import { createEngine, type Engine } from "./pipeline/engine.js";
import { extractText, type ExtractTextResult } from "./pipeline/extract.js";

export * from "./model/index.js";
export { createEngine, type Engine } from "./pipeline/engine.js";
export { extractDocument, type SourceDocument, type DocumentResult } from "./pipeline/document.js";

const engines = new Map<string, Engine>();

/**
 * Extracts the metric records of one text: `extract("税收收入 14869 万元，同比减少 36.2%")`.
 * Rules and the tokenizer are loaded on the first call and kept for the process.
 */
export function extract(text: string, options: ExtractOptions = {}): ExtractTextResult {
  const opts = ExtractOptionsSchema.parse(options);
  const key = JSON.stringify(opts.rules);
  let engine = engines.get(key);
  if (!engine) {
    engine = createEngine({ rulesDirs: opts.rules });
    engines.set(key, engine);
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return extractText(source, { doc_id: opts.doc_id, report_date: opts.report_date, region: opts.region }, engine);
}
