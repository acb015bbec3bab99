/** A CLI command: its --help text and what it does; run returns the exit code. */
export interface Command {
  summary: string;
  help: string;
  run(argv: string[]): Promise<number>;
}
