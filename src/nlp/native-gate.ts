/**
 * A gate around nodejieba's native calls, so a batch worker is only ever stopped between them.
 *
 * Why: a worker thread terminated (or a process exiting) while nodejieba is inside `tag` or `load`
 * makes the addon's next N-API call fail; node-addon-api then throws a C++ `Napi::Error` that nothing
 * catches, and the whole process aborts (SIGABRT, "terminate called after throwing an instance of
 * 'Napi::Error'"). Measured: about 1 interrupted batch in 60 on a loaded 2-core machine.
 *
 * The protocol (Dekker's, on sequentially consistent Atomics): the worker marks itself busy, then
 * checks the stop flag, and only then enters native code; the main thread sets the stop flag, then waits
 * until busy is clear. Either the worker saw the stop and never entered, or the main thread sees it busy
 * and waits for it to come out. After `quiesce`, terminating the worker or exiting is safe.
 */

const STOP = 0;
const BUSY = 1;

/** The shared cells of one worker's gate: `[stop, busy]` on a SharedArrayBuffer. */
export type GateCells = Int32Array;

/** Cells for one worker, to pass in its workerData: `newGateCells()`. */
export function newGateCells(): GateCells {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** Thrown in a worker asked to stop, instead of entering native code. */
export class WorkerStopped extends Error {
  constructor() {
    super("the batch is stopping");
    this.name = "WorkerStopped";
  }
}

let gate: GateCells | null = null;

/** Puts this thread's native calls behind `cells` (a batch worker does this before loading its engine). */
export function useNativeGate(cells: GateCells | null): void {
  gate = cells;
}

/** Runs `f` (a native call) unless this thread was asked to stop: `throughGate(() => jieba.tag(s))`. */
export function throughGate<T>(f: () => T): T {
  const g = gate;
  if (!g) return f();
  Atomics.store(g, BUSY, 1);
  if (Atomics.load(g, STOP)) {
    Atomics.store(g, BUSY, 0);
    throw new WorkerStopped();
  }
  try {
    return f();
  } finally {
    Atomics.store(g, BUSY, 0);
  }
}

/**
 * Asks the worker behind `cells` to stop before its next native call, and resolves once it is outside
 * native code for good (true), or after `timeoutMs` (false): `await quiesce(cells, 5000)`.
 */
export async function quiesce(cells: GateCells, timeoutMs: number): Promise<boolean> {
  Atomics.store(cells, STOP, 1);
  const until = Date.now() + timeoutMs;
  while (Atomics.load(cells, BUSY)) {
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 2));
  }
  return true;
}

/** Clears a dead worker's busy mark (it crashed inside native code; nothing runs there any more). */
export function clearBusy(cells: GateCells): void {
  Atomics.store(cells, BUSY, 0);
}
