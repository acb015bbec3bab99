import type { DocumentMeta } from "../model/document.js";
import { diagnostic, type Diagnostic } from "../model/diagnostic.js";
import type { TextOptions } from "./extract.js";

/**
 * What the caller knows of a report (--meta, --region, --report-date) over what its text says: each
 * given field replaces the text's, with a warning where the two disagree. Returns the year the report
 * was delivered when the caller gave it (report_date or report_year), else null.
 * `applyOverrides(meta, { doc_id: "a", report_year: 2016 }, diagnostics)` → 2016.
 */
export function applyOverrides(meta: DocumentMeta, opts: TextOptions, diagnostics: Diagnostic[]): number | null {
  const warn = (field: string, said: unknown, given: unknown) =>
    diagnostics.push(diagnostic({ doc_id: opts.doc_id, severity: "warning", stage: "segment", code: "meta-override", message: `${field}: the text says ${JSON.stringify(said)}, the metadata given says ${JSON.stringify(given)}; the metadata is used`, start: null, end: null }));
  const set = <K extends keyof DocumentMeta>(field: K, value: DocumentMeta[K] | undefined) => {
    if (value === undefined || value === null) return;
    if (meta[field] !== null && meta[field] !== value) warn(field, meta[field], value);
    meta[field] = value;
  };
  set("report_date", opts.report_date ?? undefined);
  const year = opts.report_year ?? (opts.report_date ? Number(opts.report_date.slice(0, 4)) || null : null);
  if (year !== null) set("report_year", year);
  set("title", opts.title ?? undefined);
  set("level", opts.level ?? undefined);
  if (opts.region) {
    if (meta.region !== null && meta.region !== opts.region && !opts.region.endsWith(meta.region)) warn("region", meta.region, opts.region);
    meta.region = opts.region;
  }
  return year;
}
