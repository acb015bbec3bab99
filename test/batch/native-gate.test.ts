import { describe, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { newGateCells, quiesce, throughGate, useNativeGate, WorkerStopped } from "../../src/nlp/native-gate.js";
import { build, ROOT } from "./cli.js";

describe("the native-call gate (a batch worker is stopped only between nodejieba calls)", () => {
  it("passes calls through when no gate is set, and refuses them once asked to stop", () => {
    useNativeGate(null);
    expect(throughGate(() => 7)).toBe(7);
    const cells = newGateCells();
    useNativeGate(cells);
    try {
      expect(throughGate(() => "in")).toBe("in");
      void quiesce(cells, 0);
      let entered = false;
      expect(() => throughGate(() => (entered = true))).toThrow(WorkerStopped);
      expect(entered).toBe(false);
    } finally {
      useNativeGate(null);
    }
  });

  it("quiesce waits for a call in progress, and gives up after its timeout", async () => {
    const cells = newGateCells();
    Atomics.store(cells, 1, 1); // busy, as a worker inside a native call
    expect(await quiesce(cells, 30)).toBe(false);
    setTimeout(() => Atomics.store(cells, 1, 0), 40);
    const t0 = Date.now();
    expect(await quiesce(cells, 5000)).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(30);
  });

  it("after quiesce, a worker thread hammering the gate never enters again", async () => {
    build();
    const gateModule = pathToFileURL(join(ROOT, "dist/nlp/native-gate.js")).href;
    const cells = newGateCells();
    const entries = new Int32Array(new SharedArrayBuffer(8)); // [calls entered, refused]
    // the worker spins through the gate with 1 ms "native" calls until it is refused
    const worker = new Worker(
      `const { workerData } = require("node:worker_threads");
       import(workerData.gateModule).then(({ useNativeGate, throughGate }) => {
         useNativeGate(workerData.cells);
         const spin = () => { const t = Date.now(); while (Date.now() - t < 1); };
         try { for (;;) throughGate(() => { Atomics.add(workerData.entries, 0, 1); spin(); }); }
         catch (e) { Atomics.store(workerData.entries, 1, e.name === "WorkerStopped" ? 1 : 2); }
       });`,
      { eval: true, workerData: { gateModule, cells, entries } },
    );
    try {
      while (Atomics.load(entries, 0) < 20) await new Promise((r) => setTimeout(r, 5));
      expect(await quiesce(cells, 5000)).toBe(true);
      const at = Atomics.load(entries, 0);
      expect(Atomics.load(cells, 1)).toBe(0);
      // the worker is refused at its next call, and made none after quiesce returned
      while (Atomics.load(entries, 1) === 0) await new Promise((r) => setTimeout(r, 5));
      expect(Atomics.load(entries, 1)).toBe(1);
      expect(Atomics.load(entries, 0)).toBe(at);
    } finally {
      await worker.terminate();
    }
  });
});
