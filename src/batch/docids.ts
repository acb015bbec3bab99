import { docIdOf, type InputItem } from "../io/collect.js";

/** The doc_id of every item, unique within the batch: a repeated file name gets `~2`, `~3`: `uniqueDocIds(items)`. */
export function uniqueDocIds(items: readonly InputItem[]): { ids: string[]; renamed: Map<number, string> } {
  const seen = new Map<string, number>();
  const taken = new Set(items.map((i) => docIdOf(i.path)));
  const renamed = new Map<number, string>();
  const ids = items.map((item, index) => {
    const base = docIdOf(item.path);
    if (item.kind === "skipped") return base;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    if (n === 1) return base;
    let k = n;
    while (taken.has(`${base}~${k}`)) k++;
    const id = `${base}~${k}`;
    taken.add(id);
    renamed.set(index, id);
    return id;
  });
  return { ids, renamed };
}
