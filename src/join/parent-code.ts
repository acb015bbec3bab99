/**
 * The parent of a GB/T 2260 code read from the code itself, for a code the regions module
 * (src/regions/) does not know: a 9- or 12-digit town/street code → its 6-digit county; a county
 * (XXYYZZ) → its prefecture (XXYY00); a prefecture → its province (XX0000); a province → the nation
 * ("000000"); the nation → null. A code of another shape has no parent. A municipality's district
 * (110101) gets 110100, which has no reports: levels then falls back to the nearest ancestor with one.
 * `parentByCodeStructure("440308")` → "440300".
 */
export function parentByCodeStructure(code: string): string | null {
  if (/^\d{9}$|^\d{12}$/.test(code)) return code.slice(0, 6);
  if (!/^\d{6}$/.test(code) || code === "000000") return null;
  if (code.slice(4) !== "00") return `${code.slice(0, 4)}00`;
  if (code.slice(2) !== "0000") return `${code.slice(0, 2)}0000`;
  return "000000";
}
