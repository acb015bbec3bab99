import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { join, extname, basename, resolve, relative, isAbsolute, sep } from "node:path";
import { describeError, type InputErrorCode } from "./errors.js";
import { expandGlob, isGlob } from "./glob.js";

/** The input formats zhibiao reads in folders, by extension. */
export const KNOWN_EXTENSIONS = new Set([".txt", ".html", ".htm", ".docx", ".doc", ".wps", ".rtf", ".odt", ".pdf"]);

/** One input of a batch, in the order given: a file to read, stdin, or a problem found while collecting. */
export type InputItem =
  | { kind: "file"; path: string; size: number; /** The folder (or a glob's static prefix) it was found under; absent when named itself. */ root?: string }
  | { kind: "stdin"; path: "-" }
  | { kind: "error"; path: string; code: InputErrorCode; message: string }
  | { kind: "skipped"; path: string; reason: string; code: "skipped-format" | "duplicate-input" };

export interface CollectedInputs {
  /** Every input in order, problems included. */
  items: InputItem[];
  /** The readable files among the items (stdin excluded). */
  files: string[];
  /** Files found in folders that zhibiao does not read. */
  skipped: { path: string; reason: string }[];
  /** Paths that do not exist (or patterns that match nothing). */
  missing: string[];
}

/**
 * Expands files, folders (recursively), glob patterns and `-` (stdin) into the inputs of a batch,
 * in the order given, each folder sorted: `collectInputs(["seeds", "new/**\/*.pdf", "-"])`.
 */
export function collectInputs(paths: string[]): CollectedInputs {
  const items: InputItem[] = [];
  const seenFiles = new Set<string>();
  const addFile = (path: string, st: Stats, root?: string) => {
    const key = `${st.dev}:${st.ino}`;
    if (seenFiles.has(key)) {
      items.push({ kind: "skipped", path, reason: "listed more than once; read once", code: "duplicate-input" });
      return;
    }
    seenFiles.add(key);
    if (st.isFile()) items.push(root === undefined ? { kind: "file", path, size: st.size } : { kind: "file", path, size: st.size, root });
    else items.push({ kind: "error", path, code: "not-a-file", message: `not a regular file (${fileType(st)})` });
  };
  const walk = (dir: string, ancestors: Set<string>, root: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      const { code, message } = describeError(e);
      items.push({ kind: "error", path: dir, code, message: `cannot list folder: ${message}` });
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      let st: Stats;
      try {
        st = statSync(p);
      } catch (e) {
        const { code, message } = describeError(e);
        const isLink = safeLstat(p)?.isSymbolicLink() ?? false;
        items.push({ kind: "error", path: p, code: isLink && code === "missing-input" ? "missing-input" : code, message: isLink && code === "missing-input" ? "broken symlink" : message });
        continue;
      }
      if (st.isDirectory()) {
        const real = safeRealpath(p);
        if (real && ancestors.has(real)) {
          items.push({ kind: "error", path: p, code: "symlink-loop", message: `symlink loop (points back to ${real})` });
          continue;
        }
        walk(p, new Set([...ancestors, real ?? p]), root);
      } else if (KNOWN_EXTENSIONS.has(extname(name).toLowerCase())) addFile(p, st, root);
      else items.push({ kind: "skipped", path: p, reason: `not a format zhibiao reads (${extname(name) || "no extension"})`, code: "skipped-format" });
    }
  };
  for (const p of paths) {
    if (p === "-") {
      items.push({ kind: "stdin", path: "-" });
      continue;
    }
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      if (isGlob(p)) {
        const found = expandGlob(p);
        if (!found.length) items.push({ kind: "error", path: p, code: "no-match", message: "no file matches this pattern" });
        for (const f of found) {
          const fst = safeStat(f);
          if (fst) addFile(f, fst, globBase(p));
        }
        continue;
      }
      const { code, message } = describeError(e, "missing-input");
      items.push({ kind: "error", path: p, code, message: code === "missing-input" ? "no such file or folder" : message });
      continue;
    }
    if (st.isDirectory()) walk(p, new Set([safeRealpath(p) ?? resolve(p)]), p);
    else addFile(p, st);
  }
  return {
    items,
    files: items.flatMap((i) => (i.kind === "file" ? [i.path] : [])),
    skipped: items.flatMap((i) => (i.kind === "skipped" ? [{ path: i.path, reason: i.reason }] : [])),
    missing: items.flatMap((i) => (i.kind === "error" && (i.code === "missing-input" || i.code === "no-match") ? [i.path] : [])),
  };
}

/**
 * The doc_id of a file, which depends on nothing else in the batch: its path relative to the folder
 * (or a glob's static prefix) it was found under, else its name; without the extension, with `/` between
 * folders, in Unicode NFC, control characters and white space runs as one space, trimmed:
 * `docIdOf("reports/盐田区/2016/政府工作报告.txt", "reports")` → "盐田区/2016/政府工作报告";
 * `docIdOf("a/national_2015.txt")` → "national_2015"; `-` is "stdin".
 */
export function docIdOf(path: string, root?: string): string {
  if (path === "-") return "stdin";
  let rel = root !== undefined ? relative(root, path) : basename(path);
  if (!rel || rel.startsWith("..") || isAbsolute(rel)) rel = basename(path);
  const ext = extname(basename(rel));
  if (ext) rel = rel.slice(0, -ext.length);
  const id = normalizeDocId(rel.split(sep).join("/"));
  return id || "doc";
}

/** A doc_id in its normal form (NFC, `/` between folders, no control characters, white space runs as one space, trimmed): `normalizeDocId(" a\tb ")` → "a b". */
export function normalizeDocId(id: string): string {
  return id
    .normalize("NFC")
    .replace(/\\/g, "/")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\s]+/g, " ")
    .split("/")
    .map((s) => s.trim())
    .filter((s) => s && s !== ".")
    .join("/");
}

/** The static prefix of a glob (the folder its matches are relative to): `globBase("a/b/**\/*.txt")` → "a/b". */
function globBase(pattern: string): string {
  const parts = pattern.split(sep).join("/").split("/");
  const first = parts.findIndex(isGlob);
  return parts.slice(0, first < 0 ? parts.length - 1 : first).join("/") || (pattern.startsWith("/") ? "/" : ".");
}

function fileType(st: Stats): string {
  if (st.isFIFO()) return "FIFO";
  if (st.isSocket()) return "socket";
  if (st.isCharacterDevice()) return "character device";
  if (st.isBlockDevice()) return "block device";
  return "special file";
}

function safeStat(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

function safeLstat(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}

function safeRealpath(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}
