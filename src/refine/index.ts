import type { Refiner } from "./candidate.js";
import { dropOverlaps } from "./overlap.js";
import { dropNames } from "./names.js";
import { fanOutLists } from "./lists.js";
import { attachIndicator } from "./indicator.js";
import { assignStatus } from "./status.js";
import { assignPeriod } from "./period.js";

/** The refiners, in the order they run (explain prints what each one changed). */
export const REFINERS: readonly Refiner[] = [dropNames, dropOverlaps, fanOutLists, attachIndicator, assignStatus, assignPeriod];
