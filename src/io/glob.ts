import { readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";

/** Whether a path has glob syntax: `isGlob("reports/**\/*.pdf")` → true. */
export function isGlob(path: string): boolean {
  return /[*?[{]/.test(path);
}

/**
 * A glob as a RegExp over "/"-separated paths: `*` and `?` stay inside a segment, `**` spans
 * segments, `[abc]` and `{a,b}` as in a shell: `globToRegExp("*.{txt,pdf}").test("a.pdf")` → true.
 */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slashAfter = glob[i + 2] === "/";
        re += slashAfter ? "(?:[^/]*(?:/|$))*" : ".*";
        i += slashAfter ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close === -1) re += "\\[";
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = close;
      }
    } else if (c === "{") {
      braces++;
      re += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (c === "," && braces > 0) re += "|";
    else re += c.replace(/[.+^$()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "u");
}

/** The files matching a glob, sorted, walking only below its static prefix: `expandGlob("seeds/*.txt")`. */
export function expandGlob(pattern: string): string[] {
  const norm = pattern.split(sep).join("/");
  const parts = norm.split("/");
  const firstGlob = parts.findIndex(isGlob);
  const base = parts.slice(0, firstGlob).join("/") || (norm.startsWith("/") ? "/" : ".");
  const rest = parts.slice(firstGlob).join("/");
  const re = globToRegExp(rest);
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      let isDir = false;
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        if (isDir) {
          const key = `${st.dev}:${st.ino}`;
          if (seen.has(key)) continue;
          seen.add(key);
        }
      } catch {
        isDir = false;
      }
      if (re.test(r) && !isDir) out.push(base === "." && !norm.startsWith("./") ? r : `${base.replace(/\/$/, "")}/${r}`);
      if (isDir) walk(p, r);
    }
  };
  walk(base, "");
  return out;
}
