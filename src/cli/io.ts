/** Where a command writes, and where it reads standard input from. Each write receives finished text, newlines included. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input, for the path `-`; absent where there is none. */
  readStdin?(): string;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
/** Error-level findings exist. */
export const EXIT_FINDINGS = 1;
/** Bad arguments or unreadable input: nothing was checked. */
export const EXIT_USAGE = 2;
