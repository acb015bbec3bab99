import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

/** One non-blank line of a JSONL file: its 1-based number and its text (BOM dropped). */
export interface JsonlLine {
  line: number;
  text: string;
}

/** The non-blank lines of a file, one at a time (memory does not grow with the file): `for await (const l of jsonlLines("a.jsonl"))`. */
export async function* jsonlLines(path: string): AsyncGenerator<JsonlLine> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const text = n === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (text.trim()) yield { line: n, text };
  }
}
