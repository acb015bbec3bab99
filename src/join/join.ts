import type { PanelRow } from "../model/panel.js";
import type { AttainmentRow, JoinedPanelRow, LevelRow } from "../model/join.js";
import { attainment } from "./attainment.js";
import type { DirectionOf } from "./direction.js";
import { flagDuplicates } from "./duplicates.js";
import { levels, type ParentOf } from "./levels.js";
import { sortPanel } from "./sort.js";
import { wide, type WideTable } from "./wide.js";

/** What the join needs besides the rows: directions and order of codes (the catalogue), and region parents. */
export interface JoinOptions {
  directionOf: DirectionOf;
  parentOf: ParentOf;
  /** Indicator codes in catalogue order (the wide table's column order); codes not in it follow by code. */
  order?: readonly string[];
  /** Levels compare with the immediate parent only (no fallback to the nearest ancestor with reports). */
  immediateParent?: boolean;
}

/** Every table of `zhibiao panel`. */
export interface JoinResult {
  panel: JoinedPanelRow[];
  attainment: AttainmentRow[];
  levels: LevelRow[];
  wide: WideTable;
}

/**
 * All reports' panel rows → the joined panel (sorted, duplicates across reports flagged), attainment,
 * levels and the wide table; pure: `joinPanel(rows, { directionOf: panelDirection, parentOf: parentByCodeStructure })`.
 */
export function joinPanel(rows: readonly PanelRow[], opts: JoinOptions): JoinResult {
  const panel = flagDuplicates(sortPanel(rows));
  return {
    panel,
    attainment: attainment(panel, opts.directionOf),
    levels: levels(panel, opts.parentOf, opts.immediateParent ?? false),
    wide: wide(panel, opts.order),
  };
}
