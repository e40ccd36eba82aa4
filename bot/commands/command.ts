/** What a CLI command gets: its arguments and where to write. Returns the exit code. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Thrown for bad usage; the CLI prints the message and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
