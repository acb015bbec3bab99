import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigError } from "../commands/args.js";
import type { Task, TaskFailure, WorkerInit, WorkerMessage } from "./protocol.js";
import type { DocumentResult } from "../pipeline/document.js";
import type { DocumentText } from "../export/dataset-format.js";
import { limitsOrDefaults } from "../limits.js";
import { clearBusy, newGateCells, quiesce, type GateCells } from "../nlp/native-gate.js";

/** What a worker made of a task. */
export type TaskOutcome =
  | { ok: true; result: DocumentResult; jsonl: Uint8Array | null; text: DocumentText | null; recordCount: number }
  | { ok: false; failure: TaskFailure };

interface Pending {
  task: Task;
  size: number;
  resolve: (o: TaskOutcome) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: Pending | null;
  lastError: string | null;
  gate: GateCells;
  /** The hard time limit of the current task; set when it has passed and the worker is being ended. */
  timer: NodeJS.Timeout | null;
  timedOut: number | null;
}

/** How long stopping waits for a worker to come out of nodejieba (one tag call is milliseconds; loading the dictionary about 1 s). */
const QUIESCE_MS = 5000;

/**
 * The hard wall-clock limit of one document (reading, matching, refining, formatting), in ms: 120 s and
 * 2 s more per MB of input — with `--ocr`, 600 s and 20 s more per MB, as a scanned page takes seconds —
 * or `ZHIBIAO_TIME_LIMIT` seconds for every document. Past it the worker is ended and replaced, and the
 * document is an error (`time-limit`).
 */
export function timeLimitMs(bytes: number, env: NodeJS.ProcessEnv = process.env, ocr = false): number {
  const fixed = limitsOrDefaults(env).timeLimitSeconds;
  if (fixed !== null) return fixed * 1000;
  const mb = bytes / 2 ** 20;
  return ocr ? 600_000 + Math.ceil(mb * 20_000) : 120_000 + Math.ceil(mb * 2000);
}

/** Pools not yet closed: a signal handler stops them all before the process exits. */
const live = new Set<WorkerPool>();

/**
 * Stops every pool's workers between native calls (see native-gate.ts), so that exiting the process
 * right after cannot abort it: `await stopAllPools(); process.exit(130)`.
 */
export async function stopAllPools(timeoutMs: number = QUIESCE_MS): Promise<void> {
  await Promise.all([...live].map((p) => p.stop(timeoutMs)));
}

/** The compiled worker script: next to this module in dist/, or dist/batch/worker.js when run from src/. */
export function workerScript(): URL {
  const here = new URL("./worker.js", import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL("../../dist/batch/worker.js", import.meta.url);
}

/**
 * A fixed set of worker threads, each with its own engine; a task goes to the first idle worker, and a
 * worker that dies mid-task turns that task into a failure and is replaced: `new WorkerPool(2, init)`.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private fatal: ConfigError | null = null;
  private closing = false;
  private readonly readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private anyReady = false;

  constructor(
    size: number,
    private readonly init: Omit<WorkerInit, "gate">,
  ) {
    live.add(this);
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  /** Resolves once one worker has its engine loaded; rejects with a ConfigError if the engine cannot load. */
  ready(): Promise<void> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.anyReady) return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** Runs one task on the next idle worker. */
  run(task: Task): Promise<TaskOutcome> {
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, size: task.bytes.byteLength, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker: each between two native calls, then terminated. */
  async close(): Promise<void> {
    await this.stop(QUIESCE_MS);
    live.delete(this);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /**
   * Takes no more work and waits until no worker is inside nodejieba, nor can enter it again; a worker
   * still inside after `timeoutMs` is left to the exit (there is nothing safer to do).
   */
  async stop(timeoutMs: number): Promise<void> {
    this.closing = true;
    for (const s of this.slots) {
      if (s.timer) clearTimeout(s.timer);
      s.timer = null;
    }
    await Promise.all(this.slots.map((s) => quiesce(s.gate, timeoutMs)));
  }

  private spawn(): Slot {
    const gate = newGateCells();
    const worker = new Worker(workerScript(), { workerData: { ...this.init, gate } satisfies WorkerInit });
    const slot: Slot = { worker, ready: false, current: null, lastError: null, gate, timer: null, timedOut: null };
    worker.on("message", (m: WorkerMessage) => this.onMessage(slot, m));
    worker.on("error", (e: Error) => {
      slot.lastError = e?.message ?? String(e);
    });
    worker.on("exit", (code) => this.onExit(slot, code));
    return slot;
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    // once stopping, a worker's answers are the WorkerStopped failures of its unfinished task
    if (this.closing) return;
    if (m.type === "ready") {
      slot.ready = true;
      this.anyReady = true;
      for (const w of this.readyWaiters.splice(0)) w.resolve();
      this.dispatch();
    } else if (m.type === "fatal") {
      this.fail(new ConfigError(m.message));
    } else {
      const current = slot.current;
      if (!current || current.task.id !== m.id || slot.timedOut !== null) return;
      slot.current = null;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      current.resolve(m.type === "done" ? { ok: true, result: m.result, jsonl: m.jsonl, text: m.text, recordCount: m.recordCount } : { ok: false, failure: m.failure });
      this.dispatch();
    }
  }

  private onExit(slot: Slot, code: number): void {
    clearBusy(slot.gate);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (this.closing || this.fatal) return;
    const i = this.slots.indexOf(slot);
    if (!slot.ready) {
      this.fail(new ConfigError(`a worker failed to start${slot.lastError ? `: ${slot.lastError}` : ` (exit code ${code})`}`));
      return;
    }
    const current = slot.current;
    slot.current = null;
    if (i !== -1) this.slots[i] = this.spawn();
    if (current && slot.timedOut !== null) {
      current.resolve({
        ok: false,
        failure: { code: "time-limit", stage: "batch", message: `not done after ${Math.round(slot.timedOut / 1000)} s (the time limit of one document): its worker was ended and replaced; nothing of it is written`, bytes: current.size },
      });
    } else if (current) {
      const why = slot.lastError ?? `exit code ${code}`;
      current.resolve({
        ok: false,
        failure: { code: "worker-crashed", stage: "batch", message: `the worker extracting it crashed (${why})`, bytes: current.size },
      });
    }
    this.dispatch();
  }

  private fail(e: ConfigError): void {
    if (this.fatal) return;
    this.fatal = e;
    for (const w of this.readyWaiters.splice(0)) w.reject(e);
    for (const p of this.queue.splice(0)) p.reject(e);
    for (const slot of this.slots) {
      slot.current?.reject(e);
      slot.current = null;
    }
    void this.close();
  }

  private dispatch(): void {
    if (this.closing) return;
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (!slot.ready || slot.current) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.current = next;
      const { bytes } = next.task;
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const task: Task = own ? next.task : { ...next.task, bytes: new Uint8Array(bytes) };
      const limit = timeLimitMs(next.size, process.env, this.init.read?.ocr === true);
      slot.timer = setTimeout(() => this.expire(slot, limit), limit);
      slot.worker.postMessage(task, [task.bytes.buffer as ArrayBuffer]);
    }
  }

  /** The current task of a slot is past its time limit: end the worker (between native calls), and onExit replaces it. */
  private expire(slot: Slot, limit: number): void {
    slot.timer = null;
    if (!slot.current || this.closing) return;
    slot.timedOut = limit;
    void quiesce(slot.gate, QUIESCE_MS).finally(() => void slot.worker.terminate());
  }
}
