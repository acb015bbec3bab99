/**
 * Every limit zhibiao puts on one document, in one place: its default, the environment variable that
 * sets it (`ZHIBIAO_MAX_<WHAT>`, or `ZHIBIAO_TIME_LIMIT` in seconds), and the error code a document
 * past it gets. Each limit is an error for that document only (a stderr line naming the file, a
 * diagnostic with the code, `status: "error"` in documents.jsonl, exit 2), never a silent truncation;
 * the other documents of the batch are written whole. docs/batch.md lists them all.
 *
 * The variables are read by `zhibiao extract` before any input is opened (a bad value is exit 1) and by
 * its workers and the readers (`decodeDocument`, `explain --file`), which inherit the same environment.
 */
import { ConfigError } from "./commands/args.js";

/** The default --max-bytes: inputs larger than this are refused unread (`too-large`). */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** A sentence (text up to 。！？) longer than this is cut into sentences, at a ，、； in its second half where there is one. */
export const MAX_SENTENCE = 1500;

/** Matching one document stops after this many ms, an error for the document (`time-budget`). */
export const MATCH_BUDGET_MS = 30_000;

/**
 * A record's `sentence` is the sentence as read, white space collapsed; a sentence longer than this
 * many characters (a run without 。！？, which the segmenter cuts at 1,500) is stored as the
 * RECORD_SENTENCE_WINDOW characters either side of the figure, `…` where it is cut: otherwise every
 * record of a figure-dense line without punctuation carries 1,500 characters (a 5 MB line: 2.2 GB of
 * output). No sentence of the known reports is near it (the longest is 309 characters).
 */
export const MAX_RECORD_SENTENCE = 1000;
export const RECORD_SENTENCE_WINDOW = 100;

/** One limit: its environment variable, its default, and how its value is written. */
export interface LimitSpec {
  readonly env: string;
  readonly default: number;
  /** `bytes` accepts sizes such as 268435456, 256MB or 1GiB; `count` and `seconds` a whole number. */
  readonly unit: "bytes" | "count" | "seconds";
  /** The error code of a document past it. */
  readonly code: string;
}

/** The limits of one document, resolved from the environment. */
export interface Limits {
  /** The formatted output of one document (records.jsonl, records.csv and statements.csv rows together). */
  readonly maxOutputBytes: number;
  /** The XML a .docx or .odt inflates to (all its `.xml` and `.rels` parts together), declared or counted while inflating. */
  readonly maxXmlBytes: number;
  /** The pages of a PDF. */
  readonly maxPdfPages: number;
  /** The records of one document. */
  readonly maxRecords: number;
  /** A fixed hard wall-clock limit per document in seconds, or null for the default (120 s + 2 s per MB; see pool.ts). */
  readonly timeLimitSeconds: number | null;
}

export const LIMITS: { readonly [K in keyof Limits]: LimitSpec } = {
  maxOutputBytes: { env: "ZHIBIAO_MAX_OUTPUT_BYTES", default: 1024 ** 3, unit: "bytes", code: "output-too-large" },
  // mammoth holds a .docx's whole XML as a tree, about 90 bytes of memory per byte: 16 MB of XML is
  // ≈ 1.45 GB and 7 s (a long report's document.xml is 1–3 MB); 50 MB was 3.1 GB, 200 MB ran out of heap
  maxXmlBytes: { env: "ZHIBIAO_MAX_XML_BYTES", default: 16 * 1024 ** 2, unit: "bytes", code: "inflated-too-large" },
  maxPdfPages: { env: "ZHIBIAO_MAX_PDF_PAGES", default: 10_000, unit: "count", code: "too-many-pages" },
  // a 100 MB report of ordinary density has ≈ 140,000 records; a figure-dense line of 6 MB has 249,467
  // and peaks at 1.13 GB when written, one of 12 MB 492,787 and 1.95 GB: the cap keeps a document
  // that is written under 1.5 GB
  maxRecords: { env: "ZHIBIAO_MAX_RECORDS", default: 250_000, unit: "count", code: "too-many-records" },
  timeLimitSeconds: { env: "ZHIBIAO_TIME_LIMIT", default: 0, unit: "seconds", code: "time-limit" },
};

/** The limits with every default: what the library and the readers use when nothing is set. */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxOutputBytes: LIMITS.maxOutputBytes.default,
  maxXmlBytes: LIMITS.maxXmlBytes.default,
  maxPdfPages: LIMITS.maxPdfPages.default,
  maxRecords: LIMITS.maxRecords.default,
  timeLimitSeconds: null,
});

/** A byte count with an optional unit: `parseByteSize("50MB")` → 52428800; null when it is not one. */
export function parseByteSize(spec: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$/i.exec(spec);
  if (!m) return null;
  const scale = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[(m[2] ?? "").toLowerCase()] ?? 1;
  const n = Math.floor(Number(m[1]) * scale);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * The limits the environment sets, the defaults for the others; a variable set to something that is
 * not a positive size or whole number is a ConfigError (exit 1) naming it:
 * `limitsFrom({ ZHIBIAO_MAX_RECORDS: "1000" }).maxRecords` → 1000.
 */
export function limitsFrom(env: NodeJS.ProcessEnv = process.env): Limits {
  const out: Record<string, number | null> = { ...DEFAULT_LIMITS };
  for (const [key, spec] of Object.entries(LIMITS) as [keyof Limits, LimitSpec][]) {
    const raw = env[spec.env];
    if (raw === undefined || raw === "") continue;
    const n = spec.unit === "bytes" ? parseByteSize(raw) : /^\s*\d+\s*$/.test(raw) ? Number(raw) : null;
    if (n === null || !Number.isSafeInteger(n) || n <= 0) {
      throw new ConfigError(`${spec.env}=${JSON.stringify(raw)}: ${spec.unit === "bytes" ? "a size such as 268435456 or 256MB" : spec.unit === "seconds" ? "a whole number of seconds" : "a whole number"} ≥ 1 is needed`);
    }
    out[key] = n;
  }
  return out as unknown as Limits;
}

/** The limits of the environment, or the defaults when it sets one wrongly (the CLI has refused that already). */
export function limitsOrDefaults(env: NodeJS.ProcessEnv = process.env): Limits {
  try {
    return limitsFrom(env);
  } catch {
    return DEFAULT_LIMITS;
  }
}

/** A byte count for people: `formatBytes(1536)` → "1.5 KB"; `formatBytes(2 ** 24)` → "16 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toFixed(1))} ${units[i]}`;
}
