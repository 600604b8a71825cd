/** Where a command writes. Each call receives finished text, newlines included. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
/** Error-level findings exist. */
export const EXIT_FINDINGS = 1;
/** Bad arguments or unreadable input: nothing was checked. */
export const EXIT_USAGE = 2;
