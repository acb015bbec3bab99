import type { Direction } from "../model/panel.js";

/** Which way an indicator's target binds, by code: `directionOf("cpi")` → "cap". */
export type DirectionOf = (code: string) => Direction;

/** Ceilings (PANEL.md, "From the panel to attainment"): met when the actual stays at or under the target. */
export const PANEL_CAP_CODES: ReadonlySet<string> = new Set(["cpi", "unemployment_surveyed", "unemployment_registered", "deficit_ratio"]);
/** Falls to reach (negative values): met when the actual is at or under the target. */
export const PANEL_DOWN_CODES: ReadonlySet<string> = new Set(["energy_intensity_change", "carbon_intensity_change"]);

/**
 * The direction PANEL.md gives a code (every code not a ceiling or a fall is `up`); the fallback for a
 * code the indicator catalogue (rules/indicators/*.yaml) does not have: `panelDirection("deficit_ratio")` → "cap".
 */
export function panelDirection(code: string): Direction {
  if (PANEL_CAP_CODES.has(code)) return "cap";
  if (PANEL_DOWN_CODES.has(code)) return "down";
  return "up";
}

/**
 * Whether an actual meets a target, as the scorer decides: up → actual ≥ target (its lower end); cap and
 * down → actual ≤ target (the top of a range): `isMet("cap", 2.1, 3, null)` → true.
 */
export function isMet(direction: Direction, actual: number, target: number, targetMax: number | null): boolean {
  return direction === "up" ? actual >= target : actual <= (targetMax ?? target);
}
