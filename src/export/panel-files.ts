import { closeSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { openExclusive, randomTag, writeAll } from "../io/temp.js";
import { join } from "node:path";
import { csvLines } from "./dataset-format.js";

/** Rows written to a file per write call: the text of one chunk is built, written and dropped. */
const CHUNK = 2000;

/** One table to write: its columns in order and its rows (objects keyed by column). */
export interface Table {
  columns: readonly string[];
  rows: readonly object[];
}

const cellsOf = (columns: readonly string[], row: object): unknown[] => columns.map((c) => (row as Record<string, unknown>)[c] ?? null);

/** The rows of a table as CSV text chunks (the first holds the BOM and the header): `[...csvChunks({ columns: ["a"], rows: [{ a: 1 }] })].join("")` → "\uFEFFa\r\n1\r\n". */
export function* csvChunks(table: Table): Generator<string> {
  yield "\uFEFF" + csvLines([table.columns]);
  for (let i = 0; i < table.rows.length; i += CHUNK) yield csvLines(table.rows.slice(i, i + CHUNK).map((r) => cellsOf(table.columns, r)));
}

/** The rows of a table as JSONL text chunks, keys in column order (the same text as JSON.stringify of the row): `[...jsonlChunks({ columns: ["a"], rows: [{ a: 1, b: 2 }] })].join("")` → '{"a":1}\n'. */
export function* jsonlChunks(table: Table): Generator<string> {
  const keys = table.columns.map((c, i) => `${i ? "," : "{"}${JSON.stringify(c)}:`);
  for (let i = 0; i < table.rows.length; i += CHUNK) {
    let out = "";
    const end = Math.min(table.rows.length, i + CHUNK);
    for (let n = i; n < end; n++) {
      const r = table.rows[n] as Record<string, unknown>;
      for (let k = 0; k < keys.length; k++) out += keys[k] + JSON.stringify(r[table.columns[k] as string] ?? null);
      out += keys.length ? "}\n" : "{}\n";
    }
    yield out;
  }
}

/**
 * A set of output files written under temporary names (`.<name>.<pid>.tmp`) and renamed into place
 * together at the end, so an interrupted or failed run leaves the previous outputs whole:
 * `const s = new StagedFiles("out"); s.writeChunks("a.csv", chunks); s.commit()`.
 */
export class StagedFiles {
  private readonly staged: { temp: string; path: string }[] = [];

  constructor(private readonly dir: string) {}

  /** The temporary path a file is written at before commit (for writers that open it themselves). */
  stage(name: string): string {
    mkdirSync(this.dir, { recursive: true });
    const temp = join(this.dir, `.${name}.${process.pid}.${randomTag()}.tmp`);
    this.staged.push({ temp, path: join(this.dir, name) });
    return temp;
  }

  /** Writes a file from text chunks, one write each. */
  writeChunks(name: string, chunks: Iterable<string>): void {
    const fd = openExclusive(this.stage(name));
    try {
      for (const chunk of chunks) writeAll(fd, chunk);
    } finally {
      closeSync(fd);
    }
  }

  /** Renames every staged file into place. */
  commit(): void {
    for (const { temp, path } of this.staged) renameSync(temp, path);
    this.staged.length = 0;
  }

  /** Removes every staged file (nothing is written). */
  abort(): void {
    for (const { temp } of this.staged) rmSync(temp, { force: true });
    this.staged.length = 0;
  }
}
