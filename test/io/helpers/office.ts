import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { findBinary } from "../../export/helpers/binaries.js";

/** LibreOffice, or null (and a line on stderr saying the tests that convert with it are skipped). */
export const SOFFICE = findBinary("report formats converted by LibreOffice", ["soffice", "libreoffice"], "apt-get install -y libreoffice-writer fonts-noto-cjk");

/**
 * Converts a file with LibreOffice Writer into `format` (doc, rtf, odt, docx, pdf; or `doc:MS Word 97`, a filter named) in `dir`, a UTF-8
 * .txt read as text: `convert(dir, "r.txt", "doc")` → "<dir>/r.doc". Each call has its own profile.
 */
export function convert(dir: string, file: string, format: string, profile = "profile", font = ""): string {
  const args = [`-env:UserInstallation=${pathToFileURL(join(dir, profile)).href}`, "--headless", "--norestore"];
  // a .txt is set in `font` when given (else Writer's preformatted Liberation Mono, whose dotted 0 OCR reads as 6)
  if (file.endsWith(".txt")) args.push(font ? `--infilter=Text (encoded):UTF8,LF,${font},zh-CN,` : "--infilter=Text (encoded):UTF8,LF,,,");
  execFileSync(SOFFICE ?? "soffice", [...args, "--convert-to", format, "--outdir", dir, join(dir, file)], { cwd: dir, timeout: 180_000, stdio: ["ignore", "pipe", "pipe"] });
  return join(dir, file.replace(/\.[^.]+$/, `.${format.split(":")[0]}`));
}
