import { createHash } from "node:crypto";
import { docIdOf, type InputItem } from "../io/collect.js";

/** The path of an input as the hash of a shared doc_id sees it: `/` between folders, NFC, no leading `./`. */
function pathKey(path: string): string {
  return path.normalize("NFC").replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

/**
 * The doc_id of every item (`docIdOf`: the path under the folder it was found in, or the file name).
 * Ids that two inputs of the batch would share get, on every one of them, `~` and the first 8 hex
 * digits of the sha256 of the input's own path: `reports/2015/报告.txt` and `other/2015/报告.txt`
 * given as two folders both have doc_id `2015/报告`, so they become `2015/报告~1f3a09c2` and
 * `2015/报告~77d0e4b1`. No id depends on the order of the inputs, and an input whose id is not
 * shared keeps it whatever else comes and goes. `forced` (the `--doc-id` of stdin) is taken as given.
 */
export function uniqueDocIds(items: readonly InputItem[], forced: ReadonlyMap<number, string> = new Map()): { ids: string[]; renamed: Map<number, string> } {
  const base = items.map((item, i) => forced.get(i) ?? docIdOf(item.path, item.kind === "file" ? item.root : undefined));
  const count = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.kind === "skipped") return;
    const id = base[i] as string;
    count.set(id, (count.get(id) ?? 0) + 1);
  });
  const renamed = new Map<number, string>();
  const ids = items.map((item, i) => {
    const id = base[i] as string;
    if (item.kind === "skipped" || (count.get(id) ?? 0) < 2 || forced.has(i)) return id;
    const h = createHash("sha256").update(pathKey(item.path)).digest("hex").slice(0, 8);
    const out = `${id}~${h}`;
    renamed.set(i, out);
    return out;
  });
  return { ids, renamed };
}
