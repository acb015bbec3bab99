import { createHash } from "node:crypto";
import pLimit from "p-limit";
import { metaHash } from "./fingerprint.js";
import type { InputItem } from "../io/collect.js";
import { readBytes, readStdin } from "../io/read.js";
import { describeError } from "../io/errors.js";
import { diagnostic } from "../model/diagnostic.js";
import type { EngineOptions } from "../pipeline/engine.js";
import { WorkerPool } from "./pool.js";
import { failedOutcome, skippedOutcome, type ItemOutcome } from "./outcome.js";
import { uniqueDocIds } from "./docids.js";
import { faultFor } from "./fault.js";
import type { RecordColumn } from "../export/columns.js";
import type { MetaOverride } from "../io/meta-file.js";

export interface BatchOptions {
  /** Worker threads (each loads its own engine). */
  jobs: number;
  /** Inputs larger than this are refused unread. */
  maxBytes: number;
  engine: EngineOptions;
  /** Have the workers serialize records as JSONL (projected on these columns, or all): for streaming. */
  jsonl?: { columns: string[] | null } | null;
  /** Have the workers format each document for the dataset files (records.csv on these columns; records as objects too only when `records`). */
  dataset?: { columns: RecordColumn[]; records: boolean } | null;
  /** Files read at once (default 4). */
  readConcurrency?: number;
  /** Inputs started ahead of the next one to emit (default 4 × jobs): bounds memory. */
  window?: number;
  /** What the caller knows of an input (--meta, --region, --report-date), by doc_id and path. */
  overridesFor?: (doc_id: string, path: string) => MetaOverride | undefined;
  /** Bytes of input started ahead (default 64 MB; one input is always let through): bounds memory with large files. */
  windowBytes?: number;
  /** `extract --update`: the output of an unchanged input, copied from the earlier run, or null to extract it. */
  reuse?: ((q: { index: number; doc_id: string; path: string; sha256: string; meta: string | null }) => ItemOutcome | null) | null;
  /** doc_ids given by the caller (`--doc-id` for stdin), by item index. */
  docIds?: ReadonlyMap<number, string>;
  /** Read PDF pages without a text layer by OCR (`--ocr`). */
  ocr?: boolean;
}

/**
 * Reads and extracts every input on a pool of workers, calling `emit` once per input in input order,
 * whatever order they finish in: `await runBatch(collectInputs(["seeds"]).items, { jobs: 2, … }, write)`.
 * Rejects with a ConfigError (before anything is emitted) when the engine cannot load.
 */
export async function runBatch(items: readonly InputItem[], opts: BatchOptions, emit: (o: ItemOutcome) => void | Promise<void>): Promise<void> {
  const work = items.filter((i) => i.kind === "file" || i.kind === "stdin").length;
  // With --update the workers start only when an input needs extracting: copying needs no engine.
  let pool: WorkerPool | null = null;
  const thePool = () => (pool ??= new WorkerPool(Math.max(1, Math.min(opts.jobs, work)), { engine: opts.engine, jsonl: opts.jsonl ?? null, dataset: opts.dataset ?? null, read: { ocr: opts.ocr ?? false } }));
  if (!opts.reuse) thePool();
  const limitRead = pLimit(opts.readConcurrency ?? 4);
  const window = Math.max(2, opts.window ?? opts.jobs * 4);
  const windowBytes = opts.windowBytes ?? 64 * 1024 * 1024;
  const sizeOf = (i: number) => {
    const item = items[i];
    return item?.kind === "file" ? item.size : 0;
  };
  let bytesAhead = 0;
  const { ids, renamed } = uniqueDocIds(items, opts.docIds);
  const started = new Map<number, Promise<ItemOutcome>>();
  const start = (index: number) => {
    const p = handleItem(index);
    p.catch(() => undefined);
    started.set(index, p);
  };
  const handleItem = async (index: number): Promise<ItemOutcome> => {
    const item = items[index] as InputItem;
    const doc_id = ids[index] as string;
    if (item.kind === "skipped") return skippedOutcome(index, item.path, item.reason, item.code);
    if (item.kind === "error") return failedOutcome(index, doc_id, item.path, { code: item.code, stage: "read", message: item.message });
    let bytes: Uint8Array;
    try {
      bytes = await limitRead(() => {
        if (faultFor("read", doc_id)) throw Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" });
        return item.kind === "stdin" ? readStdin(opts.maxBytes) : readBytes(item.path, opts.maxBytes);
      });
    } catch (e) {
      const { code, message } = describeError(e);
      return failedOutcome(index, doc_id, item.path, { code, stage: "read", message });
    }
    const overrides = opts.overridesFor?.(doc_id, item.path);
    const meta = metaHash(overrides);
    if (opts.reuse && item.kind === "file" && !renamed.has(index)) {
      const copied = opts.reuse({ index, doc_id, path: item.path, sha256: createHash("sha256").update(bytes).digest("hex"), meta });
      if (copied) return copied;
    }
    const outcome = await thePool().run({ id: index, doc_id, path: item.path, bytes, overrides });
    if (!outcome.ok) return { ...failedOutcome(index, doc_id, item.path, outcome.failure), meta };
    const { result } = outcome;
    const diagnostics = result.diagnostics.slice();
    if (renamed.has(index)) {
      const base = doc_id.replace(/~[0-9a-f]{8}$/, "");
      const others = items.filter((it, i) => i !== index && renamed.get(i)?.startsWith(`${base}~`)).map((it) => it.path);
      diagnostics.unshift(
        diagnostic({ doc_id, path: item.path, severity: "warning", stage: "read", code: "duplicate-doc-id", message: `${item.path}: doc_id ${base} is also that of ${others.join(", ") || "another input"}; this one is ${doc_id} (the hash of its path)` }),
      );
    }
    const reusable = item.kind === "file" && !renamed.has(index) && result.document.status === "ok";
    return { index, path: item.path, records: result.records, panel: result.panel, jsonl: outcome.jsonl, text: outcome.text, recordCount: outcome.recordCount, document: result.document, diagnostics, error: null, reusable, meta };
  };
  try {
    let next = 0;
    for (let i = 0; i < items.length; i++) {
      while (next < items.length && next < i + window && (next === i || bytesAhead + sizeOf(next) <= windowBytes)) {
        bytesAhead += sizeOf(next);
        start(next++);
      }
      const outcome = await (started.get(i) as Promise<ItemOutcome>);
      started.delete(i);
      bytesAhead -= sizeOf(i);
      if (i === 0) await (pool as WorkerPool | null)?.ready();
      await emit(outcome);
    }
    if (!items.length) await (pool as WorkerPool | null)?.ready();
  } finally {
    await (pool as WorkerPool | null)?.close();
  }
}
