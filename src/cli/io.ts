/** Everything a command touches outside its arguments; tests pass a fake. */
export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  /** The project root: protocols/ and amendments/ are found here. */
  cwd: string
  env: Record<string, string | undefined>
  /** Whether stdout is a terminal (for colour). */
  isTTY: boolean
}

/** Exit codes, as a contract: 0 fine, 1 problems found, 2 usage or environment error. */
export const EXIT_OK = 0
export const EXIT_PROBLEMS = 1
export const EXIT_USAGE = 2

/** A user error that ends a command: its message and exit code, never a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE
  ) {
    super(message)
  }
}

/** Whether to colour what goes to stdout: a terminal, and no NO_COLOR set (https://no-color.org). */
export function wantsColour(io: Io): boolean {
  return io.isTTY && !(io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '')
}
