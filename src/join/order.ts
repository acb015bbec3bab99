/** Compares two strings by UTF-16 code units, the same on every machine (no locale): `compareText("a", "b")` → -1. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares nullable strings, nulls last: `compareNullable(null, "a")` → 1. */
export function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

/** Reports in time order: by report_year (null last), then doc_id: `compareReports({report_year: 2015, doc_id: "b"}, {report_year: 2016, doc_id: "a"})` → -1. */
export function compareReports(a: { report_year: number | null; doc_id: string }, b: { report_year: number | null; doc_id: string }): number {
  if (a.report_year !== b.report_year) {
    if (a.report_year === null) return 1;
    if (b.report_year === null) return -1;
    return a.report_year - b.report_year;
  }
  return compareText(a.doc_id, b.doc_id);
}

/**
 * A difference without the binary noise of floating point (6.9 − 7 → −0.1), to 12 significant digits,
 * well inside the scorer's tolerance: `tidyNumber(6.9 - 7)` → -0.1.
 */
export function tidyNumber(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(12));
}
