import type { Direction } from "../model/panel.js";
import type { Catalogue } from "../name/catalogue.js";
import { panelDirection, type DirectionOf } from "./direction.js";

/** What the join takes from the indicator catalogue: the direction of a code and the order of codes. */
export interface JoinCatalogue {
  directionOf: DirectionOf;
  order: readonly string[];
}

/**
 * PANEL.md's catalogue order (levels, then growth rates), the fallback for codes the catalogue
 * (rules/indicators/*.yaml, src/name/catalogue.ts) does not have.
 */
export const PANEL_CODE_ORDER: readonly string[] = [
  "gdp", "gdp_per_capita", "fiscal_revenue", "fiscal_total_revenue", "tax_revenue", "fai", "retail_sales", "trade", "exports",
  "foreign_investment", "grain_output", "urban_new_jobs", "unemployment_surveyed", "unemployment_registered", "cpi", "urban_income",
  "rural_income", "income", "urbanization_rate", "rd_intensity", "deficit_ratio",
  "gdp_growth", "fiscal_revenue_growth", "tax_revenue_growth", "fai_growth", "retail_sales_growth", "trade_growth", "exports_growth",
  "foreign_investment_growth", "industrial_va_growth", "urban_income_growth", "rural_income_growth", "income_growth", "m2_growth",
  "energy_intensity_change", "carbon_intensity_change", "fiscal_total_revenue_growth",
];

/** The join's catalogue from PANEL.md alone: `panelCatalogue().directionOf("cpi")` → "cap". */
export function panelCatalogue(): JoinCatalogue {
  return { directionOf: panelDirection, order: PANEL_CODE_ORDER };
}

/**
 * The join's catalogue from the loaded indicator catalogue: its directions (PANEL.md's for a code it
 * lacks), and the codes in PANEL.md's order, then the catalogue's other codes in its order: `joinCatalogue(loadCatalogue(["rules"], String).catalogue).directionOf("energy_intensity_change")` → "down".
 */
export function joinCatalogue(catalogue: Catalogue): JoinCatalogue {
  const directions = new Map<string, Direction>();
  for (const [code, ind] of catalogue.byCode) directions.set(code, ind.spec.direction);
  // PANEL.md's order first (levels, then growth rates: gdp leads), then the catalogue's other codes
  const order = [...PANEL_CODE_ORDER, ...catalogue.order.filter((c) => !PANEL_CODE_ORDER.includes(c))];
  return { directionOf: (code) => directions.get(code) ?? panelDirection(code), order };
}
