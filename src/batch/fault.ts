/**
 * Test-only fault injection, off unless ZHIBIAO_FAULT is set: `crash:<doc_id>` makes the worker die
 * on that document, `read:<doc_id>` makes reading it fail with EIO, `hang:<doc_id>` makes the worker
 * never answer for it (so a test can interrupt a batch that is surely mid-run). Used by test/batch to
 * check that one bad document never spoils a batch and that an interrupted run loses nothing.
 */
export function faultFor(kind: "crash" | "read" | "hang", doc_id: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const spec = env.ZHIBIAO_FAULT;
  if (!spec) return false;
  return spec.split(",").some((f) => f === `${kind}:${doc_id}`);
}
