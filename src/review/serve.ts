import { createServer } from "node:http";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { writeFileAtomic } from "../io/write.js";
import { parseReview } from "./parse.js";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".jsonl": "application/x-ndjson; charset=utf-8" };

/** The page's CSP, opened for one thing: the page may post its review to the server that served it. */
const servedPage = (html: string) => html.replace("default-src 'none';", "default-src 'none'; connect-src 'self';");

/**
 * `zhibiao report --serve`: serves a review site on 127.0.0.1 only (GET of its .html files; POST
 * /review saves the review file, checked by parseReview first, to <dir>/review.jsonl). Resolves once
 * listening; runs until the process ends: `await serveReview("review", 8765, console.error)`.
 */
export function serveReview(dir: string, port: number, log: (m: string) => void): Promise<void> {
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
    if (req.method === "POST" && url.pathname === "/review") {
      const origin = req.headers.origin;
      if (origin && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) return send(403, "not from this server's page");
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
