#!/usr/bin/env node
/** argv → command; no logic here. Exit codes: 0 ok, 1 bad usage or configuration, 2 some inputs failed. */
import { COMMANDS, mainHelp } from "./commands/index.js";
import { UsageError } from "./commands/args.js";

// `zhibiao explain … | head`: a reader that goes away ends the run quietly, not with a stack trace
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(mainHelp());
    return name ? 0 : 1;
  }
  if (name === "--version" || name === "-v") {
    const { VERSION } = await import("./version.js");
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`zhibiao: unknown command '${name}'\n\n${mainHelp()}`);
    return 1;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`zhibiao ${name}: ${e.message}\n(see 'zhibiao ${name} --help')\n`);
      return 1;
    }
    const err = e as Error & { exitCode?: number };
    process.stderr.write(`zhibiao ${name}: ${err.message}\n`);
    return err.exitCode ?? 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`zhibiao: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
