/** The library API: `import { extract } from "zhibiao"`. */
import { ExtractOptionsSchema, type ExtractOptions } from "./model/options.js";
import { createEngine, type Engine } from "./pipeline/engine.js";
import { extractText, type ExtractTextResult } from "./pipeline/extract.js";

export * from "./model/index.js";
export { createEngine, type Engine } from "./pipeline/engine.js";
export { extractDocument, type SourceDocument, type DocumentResult } from "./pipeline/document.js";
export { resolveRegion, regionByCode, parentCode, type RegionQuery, type RegionInfo, type RegionResult } from "./regions/index.js";
export { joinPanel, readOutputs } from "./join/index.js";

const engines = new Map<string, Engine>();

/**
 * Extracts the metric records of one text: `extract("税收收入 14869 万元，同比减少 36.2%")`; every
 * record's start/end index `text` itself (`text.slice(start, end) === raw`).
 * Rules and the tokenizer are loaded on the first call and kept for the process.
 */
export function extract(text: string, options: ExtractOptions = {}): ExtractTextResult {
  if (typeof text !== "string") throw new TypeError(`zhibiao extract(text): text must be a string, not ${text === null ? "null" : Array.isArray(text) ? "an array" : typeof text}`);
  if (options !== undefined && (options === null || typeof options !== "object" || Array.isArray(options))) throw new TypeError("zhibiao extract(text, options): options must be an object");
  const opts = ExtractOptionsSchema.parse(options);
  const key = JSON.stringify(opts.rules);
  let engine = engines.get(key);
  if (!engine) {
    engine = createEngine({ rulesDirs: opts.rules });
    engines.set(key, engine);
  }
  // offsets index exactly the string given (the readers drop a file's BOM before this point)
  const { rules: _rules, ...textOptions } = opts;
  return extractText(text, textOptions, engine);
}
