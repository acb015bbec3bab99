import { parseChineseInteger } from "./number.js";

/** `parseFraction("1/4")` → 0.25, `parseFraction("三分之一")` → 0.333…; null when not a proper fraction. */
export function parseFraction(s: string): number | null {
  const a = /^(\d+)\/(\d+)$/.exec(s);
  if (a) {
    const num = Number(a[1]);
    const den = Number(a[2]);
    // a share is written with small terms (1/4, 2/3); 2022/2023 is a pair of years
    return den > 0 && den < 100 && num <= den ? num / den : null;
  }
  const c = /^(.+)分之(.+)$/.exec(s);
  if (c) {
    const den = parseChineseInteger(c[1]);
    const num = parseChineseInteger(c[2]);
    return den && num !== null && num <= den ? num / den : null;
  }
  return null;
}
