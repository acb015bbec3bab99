import { DatasetWriter } from "./dataset-writer.js";
import type { Dataset, DatasetOptions } from "./dataset-options.js";

export { FORMATS, parseFormats, type Dataset, type DatasetOptions, type Format } from "./dataset-options.js";
export { DatasetWriter, OutputDirError, OUTPUT_FILES, checkOutputDir, type DatasetChunk, type OpenOptions } from "./dataset-writer.js";

/**
 * Writes into `dir`: records.csv, records.jsonl, statements.csv, documents.jsonl, diagnostics.jsonl,
 * and records.xlsx when `formats` has "xlsx"; returns the paths written:
 * `await writeDataset("output", data, { formats: ["xlsx"], columns: ["doc_id", "indicator", "value"], header: "zh" })`.
 * A thin wrapper over the streaming DatasetWriter (one `add` of everything): options are checked before
 * anything is written (a bad column throws a ColumnError), files go through temporary names and are
 * renamed into place together at the end; other files in `dir` are left alone, and a records.xlsx of an
 * earlier run is removed when this one writes none.
 */
export async function writeDataset(dir: string, data: Dataset, opts: DatasetOptions = {}): Promise<string[]> {
  const writer = await DatasetWriter.open(dir, { ...opts, force: true });
  try {
    writer.add({ records: data.records, documents: data.documents, diagnostics: data.diagnostics, panel: data.panel ?? [] });
  } catch (e) {
    writer.abort();
    throw e;
  }
  return writer.close();
}
