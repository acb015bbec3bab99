/**
 * Test-only fault injection, off unless ZHIBIAO_FAULT is set: `crash:<doc_id>` makes the worker die
 * on that document, `read:<doc_id>` makes reading it fail with EIO. Used by test/batch to check that
 * one bad document never spoils a batch.
 */
export function faultFor(kind: "crash" | "read", doc_id: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const spec = env.ZHIBIAO_FAULT;
  if (!spec) return false;
  return spec.split(",").some((f) => f === `${kind}:${doc_id}`);
}
