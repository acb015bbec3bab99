import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "./types.js";
import { parse, str, UsageError } from "./args.js";
import { writeFileAtomic } from "../io/write.js";
import { isPanelItem } from "../model/review.js";
import { parseReview } from "../review/parse.js";
import { goldJsonl, panelGoldJsonl, reviewToGold } from "../review/gold.js";

const HELP = `Usage: zhibiao review lint <review.jsonl>
       zhibiao review gold <review.jsonl> --out <dir>

A review file is what zhibiao report's page exports (docs/review.md): a header line, then one verdict a
line on the page's records (right, wrong, corrected), figures added, candidate misses dismissed, and
headline panel cells.

  lint   check the file's form line by line (version, fields, documents, duplicates) and count its
         verdicts; every problem names its line
  gold   write it as hand annotations in the format of ../shared/gold (GUIDE.md): <dir>/<doc_id>.gold.jsonl
         (a {"windows": …} first line unless the document was marked complete: only the judged spans
         are gold), and <dir>/panel/<doc_id>.jsonl for the panel cells judged right or corrected

Options:
  --out <dir>   the folder for gold (required with gold)
  -h, --help    this help

Exit codes: 0 done; 1 bad usage or a problem in the file (nothing written).
`;

export const reviewCommand: Command = {
  summary: "lint a review file of the review page, or write it as gold annotations",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, { out: { type: "string" } });
    const [verb, file, ...rest] = positionals;
    if (verb !== "lint" && verb !== "gold") throw new UsageError("expected 'zhibiao review lint <file>' or 'zhibiao review gold <file> --out <dir>'");
    if (!file || rest.length) throw new UsageError(`expected one review file after '${verb}'`);
    if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
    const out = str(values.out);
    if (verb === "gold" && !out) throw new UsageError("--out <dir> is required with gold");
    const review = parseReview(readFileSync(file, "utf8"), file);
    if (review.problems.length) {
      process.stderr.write(`${review.problems.join("\n")}\nzhibiao review: ${review.problems.length} problem${review.problems.length > 1 ? "s" : ""}${verb === "gold" ? "; nothing written" : ""}\n`);
      return 1;
    }
    const count = (pred: (i: (typeof review.items)[number]["item"]) => boolean) => review.items.filter((l) => pred(l.item)).length;
    if (verb === "lint") {
      const verdicts = ["right", "wrong", "corrected", "added", "dismissed"].map((v) => `${count((i) => !isPanelItem(i) && i.verdict === v)} ${v}`).join(", ");
      const docs = review.header?.documents ?? [];
      process.stdout.write(`${file}: review format ${review.header?.zhibiao_review}, ${docs.length} document${docs.length === 1 ? "" : "s"} (${docs.filter((d) => d.complete).length} complete); ${verdicts}; ${count(isPanelItem)} panel verdicts\n`);
      return 0;
    }
    const gold = reviewToGold(review);
    for (const d of gold.docs) writeFileAtomic(join(out!, `${d.doc_id}.gold.jsonl`), goldJsonl(d));
    for (const [doc, lines] of gold.panel) writeFileAtomic(join(out!, "panel", `${doc}.jsonl`), panelGoldJsonl(lines));
    const mentions = gold.docs.reduce((n, d) => n + d.gold.length, 0);
    process.stdout.write(`zhibiao review: ${gold.docs.length} gold file${gold.docs.length === 1 ? "" : "s"} (${mentions} mentions), ${gold.panel.size} panel file${gold.panel.size === 1 ? "" : "s"} → ${out}\n`);
    return 0;
  },
};
