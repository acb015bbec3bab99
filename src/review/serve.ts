import { createServer } from "node:http";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { writeFileAtomic } from "../io/write.js";
import { parseReview } from "./parse.js";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".jsonl": "application/x-ndjson; charset=utf-8" };

/** The page's CSP, opened for one thing: the page may post its review to the server that served it. */
const servedPage = (html: string) => html.replace("default-src 'none';", "default-src 'none'; connect-src 'self';");

/** What the engine reads in a selection of the page (POST /read): the fields of an added figure, or null. */
export type ReadSelection = (text: string, start: number, end: number) => Record<string, unknown> | null;

/**
 * `zhibiao report --serve`: serves a review site on 127.0.0.1 only (GET of its .html files; POST
 * /review saves the review file, checked by parseReview first, to <dir>/review.jsonl; POST /read
 * gives the engine's reading of a selection, for "add a figure"). Resolves once listening; runs until
 * the process ends: `await serveReview("review", 8765, console.error, read)`.
 */
export function serveReview(dir: string, port: number, log: (m: string) => void, read?: ReadSelection): Promise<void> {
  const root = resolve(dir);
  const realRoot = realpathSync(root);
  const server = createServer((req, res) => {
    const send = (code: number, body: string, type = "text/plain; charset=utf-8") => {
      res.writeHead(code, { "Content-Type": type, "Cache-Control": "no-store" });
      res.end(body);
    };
    const host = req.headers.host ?? "";
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return send(403, "loopback only");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const origin = req.headers.origin;
    if (req.method === "POST" && origin && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) return send(403, "not from this server's page");
    if (req.method === "POST" && url.pathname === "/read" && read) {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (c: string) => {
        if (body.length < 64 * 1024) body += c;
      });
      req.on("end", () => {
        let q: { text?: unknown; start?: unknown; end?: unknown };
        try {
          q = JSON.parse(body) as typeof q;
        } catch {
          return send(400, "not JSON");
        }
        const { text, start, end } = q;
        if (typeof text !== "string" || text.length > 4000 || !Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) > text.length || (start as number) >= (end as number)) return send(400, "give {text (at most 4,000 characters), start, end} with 0 ≤ start < end ≤ text.length");
        send(200, JSON.stringify({ fields: read(text, start as number, end as number) }), "application/json; charset=utf-8");
      });
      return;
    }
    if (req.method === "POST" && url.pathname === "/review") {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (c: Buffer) => {
        size += c.length;
        if (size <= 64 * 2 ** 20) chunks.push(c);
      });
      req.on("end", () => {
        if (size > 64 * 2 ** 20) return send(413, "review file over 64 MB");
        const text = Buffer.concat(chunks).toString("utf8");
        const parsed = parseReview(text, "review.jsonl");
        if (parsed.problems.length) return send(400, parsed.problems.join("\n"));
        const path = join(root, "review.jsonl");
        writeFileAtomic(path, text);
        log(`zhibiao report: saved ${parsed.items.length} verdicts → ${path}`);
        send(200, `saved ${parsed.items.length} verdicts to ${path}`);
      });
      return;
    }
    if (req.method !== "GET") return send(405, "GET or POST /review");
    const rel = normalize(decodeURIComponent(url.pathname === "/" ? "/report.html" : url.pathname)).replace(/^[/\\]+/, "");
    const file = resolve(root, rel);
    const inside = (p: string) => p === realRoot || p.startsWith(realRoot + sep);
    // a symlink in the folder pointing out of it is not served
    if (!(file === root || file.startsWith(root + sep)) || !existsSync(file) || !inside(realpathSync(file)) || !statSync(file).isFile() || !TYPES[extname(file)]) return send(404, "not found");
    const body = readFileSync(file, "utf8");
    send(200, extname(file) === ".html" ? servedPage(body) : body, TYPES[extname(file)]);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const a = server.address();
      log(`zhibiao report: serving ${root} on http://127.0.0.1:${typeof a === "object" && a ? a.port : port}/ (Ctrl-C to stop)`);
      ok();
    });
  });
}
