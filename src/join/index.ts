/** Joins across reports: many extract outputs' panels → attainment, levels and the wide table (see docs/panel.md). */
export { readOutputs, OutputFolderError, type Outputs, type SkippedDocument, type FailedDocument } from "./read-outputs.js";
export { joinPanel, type JoinOptions, type JoinResult } from "./join.js";
export { attainment } from "./attainment.js";
export { levels, nearestParent, type ParentOf } from "./levels.js";
export { wide, codeOrder, type WideTable } from "./wide.js";
export { flagDuplicates } from "./duplicates.js";
export { sortPanel } from "./sort.js";
export { isMet, panelDirection, PANEL_CAP_CODES, PANEL_DOWN_CODES, type DirectionOf } from "./direction.js";
export { joinCatalogue, panelCatalogue, PANEL_CODE_ORDER, type JoinCatalogue } from "./catalogue.js";
export { parentByCodeStructure } from "./parent-code.js";
export { regionKey } from "./region-key.js";
export type { JoinRow } from "./join-row.js";
