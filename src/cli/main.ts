import { Command, CommanderError } from 'commander'
import { VERSION } from '../version.js'
import { examplesText } from './build-command.js'
import { COMMANDS, PROGRAM } from './command-table.js'
import { EXIT_OK, EXIT_USAGE, UserError, type Io } from './io.js'

export type { Io } from './io.js'
export { loadPdfjsWith } from '../core/import/pdf/load-pdfjs.js'
export type { ImportCommandOptions } from './command-table.js'

/**
 * Run keeling with command-line arguments.
 *
 * @param argv the arguments after `keeling`
 * @param io standard streams, working directory and environment
 * @returns the exit code: 0 fine, 1 problems found, 2 usage or environment error
 */
export async function main(argv: string[], io: Io): Promise<number> {
  let code = EXIT_OK
  const program = buildProgram(io, (result) => {
    code = result
  })
  try {
    await program.parseAsync(argv, { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE
    if (error instanceof UserError) {
      io.stderr(`keeling: ${error.message}\n`)
      return error.exitCode
    }
    // A full disk, a read-only folder, a record the store will not touch: one line, no stack trace.
    const { describeEnvironmentError, Refusal } = await import('../store/environment-error.js')
    const known = describeEnvironmentError(error, io.cwd) ?? (error instanceof Refusal ? error : undefined)
    if (known) {
      io.stderr(`keeling: ${known.message}\n`)
      return EXIT_USAGE
    }
    throw error
  }
}

/**
 * Before a command runs in a project: complete any write of the records that
 * a crash interrupted (`.keeling/journal/`), and say so.
 */
async function settle(io: Io): Promise<void> {
  const { settleJournals } = await import('../store/transaction.js')
  const { notes, failures } = await settleJournals(io.cwd, io.env)
  for (const note of notes) io.stderr(`keeling: ${note}\n`)
  for (const failure of failures) io.stderr(`keeling: ${failure}\n`)
}

/** The program: keeling's own options and help, then every command of the table. */
function buildProgram(io: Io, done: (code: number) => void): Command {
  const program = new Command(PROGRAM.name)
    .description(PROGRAM.description)
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run `keeling --help` for the commands)')
    .exitOverride()
    // Options before the command belong to keeling (--version), after it to the command (adopt --version LABEL).
    .enablePositionalOptions()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .hook('preAction', () => settle(io))
    .addHelpText('after', `${examplesText(PROGRAM.examples)}\n\n${PROGRAM.footer}`)
  // The commands inherit the settings above, so they are added after them.
  for (const command of COMMANDS) command.attach(program, io, done)
  return program
}

/** The exit status of a process whose reader went away (128 + SIGPIPE), as `git diff | head` ends. */
const EXIT_PIPE = 141

/** The real process's streams and directory, for bin/keeling.js. */
export function nodeIo(): Io {
  // `keeling diff A B | head`: when the reader stops reading, stop quietly, not with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      process.exit(EXIT_PIPE)
    })
  }
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true
  }
}

