import { plainNumber } from "./number.js";

/** First characters that make Excel, WPS or LibreOffice read a text cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula gets a leading `'`: `escapeFormula("=1+2")` → "'=1+2". */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV cell: null → "", numbers plain and never escaped, booleans true/false, text escaped: `csvCell(-36.2)` → "-36.2". */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return plainNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return escapeFormula(v.map(String).join("; "));
  return escapeFormula(String(v));
}
