/**
 * `extract --update`: the output of an input whose file, metadata, program, rules and options did not
 * change since the run that wrote the folder is copied from that run's files (run.json says where its
 * bytes are) instead of being extracted again. The copy is the same bytes a full run writes.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import type { MetricRecord } from "../model/record.js";
import type { DocumentRecord } from "../model/document.js";
import type { PanelRow } from "../model/panel.js";
import { TEXT_PARTS, type DocumentText } from "../export/dataset-format.js";
import { fingerprintChange, LEDGER_FILES, parseRunState, type RunFingerprint, type RunItem } from "../export/run-state.js";
import type { ItemOutcome } from "./outcome.js";

/** What an update found in the folder: the index to copy from, or why everything is extracted again. */
export type ReuseOpening = { index: ReuseIndex; inputs: number } | { index: null; why: string };

export class ReuseIndex {
  private readonly fds = new Map<string, number>();
  private readonly byPath = new Map<string, RunItem>();
  /** Inputs copied, for the summary. */
  copied = 0;

  private constructor(
    private readonly dir: string,
    items: readonly RunItem[],
  ) {
    for (const item of items) if (item.reusable && item.doc_id !== null && item.sha256 !== null) this.byPath.set(item.path, item);
  }

  /** Opens the run.json of `dir` against this run's fingerprint: `ReuseIndex.open("output", fp)`. */
  static open(dir: string, fp: RunFingerprint): ReuseOpening {
    const runPath = join(dir, "run.json");
    if (!existsSync(runPath)) return { index: null, why: `${dir} has no run.json (not written by zhibiao extract, or by an older version)` };
    const parsed = parseRunState(readFileSync(runPath, "utf8"));
    if ("problem" in parsed) return { index: null, why: parsed.problem };
    const change = fingerprintChange(parsed.state, fp);
    if (change) return { index: null, why: change };
    for (const name of LEDGER_FILES) if (!existsSync(join(dir, name))) return { index: null, why: `${name} is missing from ${dir}` };
    const index = new ReuseIndex(dir, parsed.state.items);
    try {
      for (const name of LEDGER_FILES) index.fds.set(name, openSync(join(dir, name), "r"));
    } catch (e) {
      index.close();
      return { index: null, why: `cannot read ${dir}: ${(e as Error).message}` };
    }
    return { index, inputs: parsed.state.items.length };
  }

  /** The earlier run's entry for an input that did not change, or null: `find("a", "in/a.txt", sha, null)`. */
  find(doc_id: string, path: string, sha256: string, meta: string | null): RunItem | null {
    const item = this.byPath.get(path);
    return item && item.doc_id === doc_id && item.sha256 === sha256 && item.meta === meta ? item : null;
  }

  private read(name: string, range: readonly [number, number] | undefined): Buffer {
    if (!range) return Buffer.alloc(0);
    const [offset, length] = range;
    const buf = Buffer.allocUnsafeSlow(length);
    let got = 0;
    while (got < length) {
      const n = readSync(this.fds.get(name) as number, buf, got, length - got, offset + got);
      if (n === 0) throw new Error(`--update: ${join(this.dir, name)} is shorter than run.json says; run without --update`);
      got += n;
    }
    return buf;
  }

  /**
   * The outcome of an unchanged input, from the earlier run's bytes: `outcome(item, 3, false)`; the
   * records as objects only with `withRecords` (records.xlsx).
   */
  outcome(item: RunItem, index: number, withRecords: boolean): ItemOutcome {
    const parts = TEXT_PARTS.map((name) => this.read(name, item.ranges[name]));
    const text: DocumentText = {
      doc_id: item.doc_id as string,
      parts: parts.map((b) => (b.byteLength ? [new Uint8Array(b.buffer, b.byteOffset, b.byteLength)] : [])),
      lengths: parts.map((b) => b.byteLength),
    };
    const lines = (b: Buffer) => b.toString("utf8").split("\n").filter(Boolean);
    const docLine = lines(parts[TEXT_PARTS.indexOf("documents.jsonl")] as Buffer)[0];
    if (!docLine) throw new Error(`--update: run.json names no documents.jsonl line for ${item.path}; run without --update`);
    const document = JSON.parse(docLine) as DocumentRecord;
    if (document.doc_id !== item.doc_id || document.sha256 !== item.sha256) throw new Error(`--update: documents.jsonl does not match run.json at ${item.path}; run without --update`);
    const panel = lines(parts[TEXT_PARTS.indexOf("panel.jsonl")] as Buffer).map((l) => JSON.parse(l) as PanelRow);
    const records = withRecords ? lines(parts[TEXT_PARTS.indexOf("records.jsonl")] as Buffer).map((l) => JSON.parse(l) as MetricRecord) : [];
    this.copied++;
    return { index, path: item.path, records, jsonl: null, text, recordCount: item.records, panel, document, diagnostics: [], error: null, reusable: true, meta: item.meta };
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
