import { Command, CommanderError, Option } from 'commander'
import { VERSION } from '../version.js'
import { EXIT_OK, EXIT_USAGE, UserError, type Io } from './io.js'

export type { Io } from './io.js'

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
    const environment = describeEnvironmentError(error, io.cwd)
    if (environment || error instanceof Refusal) {
      io.stderr(`keeling: ${(environment ?? (error as Error)).message}\n`)
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

function buildProgram(io: Io, done: (code: number) => void): Command {
  const program = new Command('keeling')
    .description(
      "Keep a council's constitution as Markdown with stable clause IDs: apply motions as they are read out, record who moved, seconded and approved each change, and write the committee papers."
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run `keeling --help` for the commands)')
    .exitOverride()
    // Options before the command belong to keeling (--version), after it to the command (adopt --version LABEL).
    .enablePositionalOptions()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .hook('preAction', () => settle(io))
    .addHelpText(
      'after',
      '\nExamples:\n  $ keeling show uttlesford 3.9 --format text\n  $ keeling apply amendments/uttlesford/cwg-2017-04-25.md --dry-run\n  $ keeling paper uttlesford --from council-2017-04-04 --to cwg-2017-04-25 --meta papers/council-2017-05-16.yml\n\nRun `keeling help <command>` for its options and an example.'
    )

  program
    .command('import')
    .description('import a document (plain text, Markdown, Word .docx or PDF) as protocols/SLUG.md')
    .argument('<file>', 'the document: .txt or .md (UTF-8, LF or CRLF, with or without a BOM), .docx, or .pdf with a text layer')
    .requiredOption('--as <slug>', 'the protocol slug: lowercase letters, digits, hyphens')
    .option('--title <title>', 'the title (default: the first line, when it reads as a title)')
    .option('--body <body>', 'the body that owns the protocol, e.g. "Uttlesford District Council"')
    .option('--from <text>', 'start at the first line that begins with this text')
    .option('--to <text>', 'stop before the first line that begins with this text')
    .addOption(new Option('--tracked <side>', 'read tracked changes (CriticMarkup, or ~~struck~~ and <u>underlined</u> words), keeping one side').choices(['before', 'after']))
    .option('--inserted <text>', 'text that is an insertion though its underline was lost; mark it within context as "words [inserted] words" (repeatable)', collect, [])
    .option('--accept-changes', "Word: read a document that has tracked changes as if every change were accepted")
    .option('--force', 'replace an existing protocols/SLUG.md')
    .addHelpText('after', '\nExamples:\n  $ keeling import council-protocol.txt --as town-council --body "Anytown Town Council"\n  $ keeling import "Standing Orders 2024.docx" --as standing-orders\n  $ keeling import constitution.pdf --as constitution --from "Part 1"')
    .action(async (file: string, options: ImportCommandOptions) => {
      const { runImport } = await import('./commands/import.js')
      done(await runImport(file, options, io))
    })

  program
    .command('check')
    .description('check protocols and motions: clause IDs, numbering, cross-references, front matter, whether each motion applies')
    .argument('[files...]', 'protocol slugs (with their motions in amendments/SLUG/), protocol paths or motion files (default: everything)')
    .option('--json', 'print the problems as JSON')
    .addHelpText('after', '\nExamples:\n  $ keeling check uttlesford\n  $ keeling check amendments/uttlesford/cwg-2017-04-25.md')
    .action(async (targets: string[], options: { json?: boolean }) => {
      const { runCheck } = await import('./commands/check.js')
      done(await runCheck(targets, options, io))
    })

  program
    .command('show')
    .description('show a protocol, or one clause with everything that belongs to it')
    .argument('<protocol>', 'a slug (uttlesford) or a path (protocols/uttlesford.md)')
    .argument('[clause]', 'a number (21.2.1), a clause ID (c3-9), or opening words ("Nothing in this protocol")')
    .addOption(
      new Option('--format <format>', 'md as stored, text as a reader sees it, json as the clause tree; html and docx (with -o): the clean text to print, with its version and hash in the footer')
        .choices(['md', 'text', 'json', 'html', 'docx'])
        .default('md')
    )
    .option('--json', 'the same as --format json')
    .option('-o, --output <file>', 'write to this file (whole or not at all) instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  $ keeling show uttlesford 3.9 --format text\n  $ keeling show uttlesford "Nothing in this protocol"\n  $ keeling show protocols/section-21.md 21.2.1 --format json\n  $ keeling show uttlesford@cwg-2017-04-25 --format docx -o uttlesford.docx'
    )
    .option('--force', 'with -o: write over the protocol file given as input (never over a record in protocols/ or history/)')
    .addOption(
      new Option('--line-numbers [numbering]', 'with --format text, html or docx: the whole text with its lines numbered (at most 80 characters a line, 40 lines a page), running through it or from 1 on each page, for motions that cite "Line 112, …" or "Page 3, line 32, …"').choices(['running', 'page'])
    )
    .action(async (target: string, clause: string | undefined, options: { format: 'md' | 'text' | 'json' | 'html' | 'docx'; json?: boolean; output?: string; force?: boolean; lineNumbers?: boolean | 'running' | 'page' }) => {
      const { runShow } = await import('./commands/show.js')
      done(await runShow(target, clause, options.json ? 'json' : options.format, io, options.output, options.force === true, options.lineNumbers === undefined || options.lineNumbers === false ? false : options.lineNumbers === true ? 'running' : options.lineNumbers))
    })

  const motion = program.command('motion').description('work with motion files')
  motion
    .command('new')
    .description('write a new motion file, amendments/SLUG/ID.md, with every form of instruction as a comment')
    .argument('<protocol>', 'the slug of the protocol the motion changes')
    .requiredOption('--title <title>', 'what the motion is about')
    .requiredOption('--mover <name>', 'who moves it, e.g. "Cllr Artus"')
    .option('--seconder <name>', 'who seconds it')
    .option('--id <id>', 'the motion ID and file name (default: from the title)')
    .option('--force', 'replace an existing motion file')
    .addHelpText('after', '\nExample:\n  $ keeling motion new uttlesford --title "Engagement with officers" --mover "Cllr Artus" --id artus-1')
    .action(async (slug: string, options: import('./commands/motion-new.js').MotionNewOptions) => {
      const { runMotionNew } = await import('./commands/motion-new.js')
      done(await runMotionNew(slug, options, io))
    })

  motion
    .command('from')
    .description('draft the motion that turns one text of a protocol into another (an edited copy, a version), checked by applying it, as amendments/SLUG/ID.md')
    .argument('<old>', 'the text as it stands: a protocol slug, a version (SLUG@LABEL) or a file')
    .argument('<new>', 'the text it should read: a version, an edited copy of the protocol, or a Markdown or text file')
    .requiredOption('--mover <name>', 'who moves it, e.g. "Constitution Working Group"')
    .option('--seconder <name>', 'who seconds it')
    .option('--title <title>', 'what the motion is about (default: from the protocol and NEW)')
    .option('--id <id>', 'the motion ID and file name (default: from the title)')
    .option('--protocol <slug>', 'the protocol the motion changes (default: from OLD)')
    .addOption(new Option('--style <style>', 'the register to word it in: uk-council, legislation, roberts or plain').default('uk-council'))
    .option('-o, --output <file>', 'write the motion to this file (- for stdout) instead of amendments/SLUG/ID.md')
    .option('--force', 'replace a motion file of that ID not yet decided on; with -o, write over an input')
    .addHelpText(
      'after',
      '\nExamples:\n  $ keeling motion from uttlesford@council-2017-04-04 uttlesford@cwg-2017-04-25 --mover "Constitution Working Group" --id cwg-draft\n  $ keeling motion from uttlesford edited/uttlesford.md --mover "Cllr Artus" --style legislation -o -'
    )
    .action(async (before: string, after: string, options: import('./commands/motion-from.js').MotionFromOptions) => {
      const { runMotionFrom } = await import('./commands/motion-from.js')
      done(await runMotionFrom(before, after, options, io))
    })

  motion
    .command('from-tracked')
    .description('draft the motion a marked-up text makes (CriticMarkup, or ~~struck~~ and <u>underlined</u> words), checked against the protocol and by applying it')
    .argument('<file>', 'the marked-up text')
    .requiredOption('--protocol <slug>', 'the protocol it marks up: SLUG (its text now) or SLUG@VERSION')
    .option('--mover <name>', 'who moves it')
    .option('--seconder <name>', 'who seconds it')
    .option('--title <title>', 'what the motion is about')
    .option('--id <id>', 'the motion ID and file name (default: from the title)')
    .addOption(new Option('--style <style>', 'uk-council, legislation, roberts or plain').default('uk-council'))
    .option('-o, --output <file>', 'write the motion to this file (- for stdout) instead of amendments/SLUG/ID.md')
    .option('--force', 'replace a motion file of that ID not yet decided on; with -o, write over an input')
    .addHelpText('after', '\nExample:\n  $ keeling diff uttlesford edited.md --format critic -o edited.critic.md\n  $ keeling motion from-tracked edited.critic.md --protocol uttlesford --mover "Cllr Artus" -o -')
    .action(async (file: string, options: import('./commands/motion-from.js').MotionFromDocumentOptions) => {
      const { runMotionFromTracked } = await import('./commands/motion-from.js')
      done(await runMotionFromTracked(file, options, io))
    })
  motion
    .command('from-docx')
    .description("draft one motion per author of a Word redline's tracked changes (or one in all), the author as mover, checked against the protocol and by applying each")
    .argument('<redline>', 'the Word document (.docx) with tracked changes, made from a text of the protocol')
    .requiredOption('--protocol <slug>', 'the protocol it was made from: SLUG (its text now) or SLUG@VERSION')
    .option('--one', 'one motion for every change, whoever made it (needs --mover)')
    .option('--mover <name>', 'with --one: who moves it')
    .option('--seconder <name>', 'who seconds it')
    .option('--title <title>', 'what the motions are about')
    .option('--id <id>', "the motion ID (default: the file's name); per author, ID-AUTHOR")
    .addOption(new Option('--style <style>', 'uk-council, legislation, roberts or plain').default('uk-council'))
    .option('-o, --output <file>', 'with --one (or one author): write the motion to this file (- for stdout) instead of amendments/SLUG/')
    .option('--force', 'replace motion files of those IDs not yet decided on')
    .addHelpText('after', '\nExample:\n  $ keeling motion from-docx cwg-redline.docx --protocol uttlesford@council-2017-04-04')
    .action(async (file: string, options: import('./commands/motion-from.js').MotionFromDocumentOptions) => {
      const { runMotionFromDocx } = await import('./commands/motion-from.js')
      done(await runMotionFromDocx(file, options, io))
    })

  program
    .command('apply')
    .description("apply motions to their protocol's text: all of them, in the order given, or none")
    .argument('<motions...>', 'motion files (amendments/SLUG/ID.md)')
    .option('--dry-run', 'print the changes, word by word, and write nothing')
    .addHelpText('after', '\nExamples:\n  $ keeling apply amendments/uttlesford/cwg-2017-04-25.md --dry-run\n  $ keeling apply amendments/uttlesford/cwg-1.md amendments/uttlesford/artus-on-cwg-1.md')
    .action(async (paths: string[], options: { dryRun?: boolean }) => {
      const { runApply } = await import('./commands/apply.js')
      done(await runApply(paths, options, io))
    })

  program
    .command('compare')
    .description('two competing motions (or a motion and an amendment to it), each applied on its own to the same text: the clauses they touch side by side, every difference in a sentence')
    .argument('<motionA>', 'the first motion file')
    .argument('<motionB>', 'the second motion file')
    .addOption(new Option('--format <format>', 'text, md, html or json').choices(['text', 'md', 'html', 'json']).default('text'))
    .option('-o, --output <file>', 'write to this file (whole or not at all) instead of stdout')
    .option('--force', 'with -o: write over a file this command reads (never over a record)')
    .addHelpText('after', '\nExample:\n  $ keeling compare amendments/uttlesford/cwg-2017-04-25.md amendments/uttlesford/artus-2017-05-16.md --format md')
    .action(async (a: string, b: string, options: import('./commands/compare.js').CompareOptions) => {
      const { runCompare } = await import('./commands/compare.js')
      done(await runCompare(a, b, options, io))
    })

  program
    .command('marshal')
    .description('the marshalled list of the amendments before a meeting: each in the order of the text, amendments to amendments after their parent, every conflict, the order of voting; with --carry/--lose, the text an outcome would make and what falls')
    .argument('<protocol>', 'the protocol slug')
    .argument('[motions...]', 'the motions to marshal, by ID or path (default: every motion in amendments/SLUG/ tabled and not decided)')
    .addOption(new Option('--format <format>', 'text, md, html (print-ready, with the conflicts matrix), json or docx (needs -o); with --carry/--lose: text, md (the protocol as it would read), html or json').choices(['text', 'md', 'html', 'json', 'docx']).default('text'))
    .addOption(new Option('--order <order>', 'the order of voting: text (the order of the text) or tabled (the order the amendments were tabled)').choices(['text', 'tabled']).default('text'))
    .option('--carry <amendments>', 'simulate: the amendments carried, by number on the list or motion ID, e.g. 1,3')
    .option('--lose <amendments>', 'simulate: the amendments lost, e.g. 2')
    .option('-o, --output <file>', 'write to this file (whole or not at all) instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  $ keeling marshal town-council\n  $ keeling marshal uttlesford cwg-2017-04-25 artus-2017-05-16 --format html -o marshalled.html\n  $ keeling marshal town-council --carry 1,3 --lose 2\n  $ keeling marshal town-council --carry 1,3 --format md -o outcome.md'
    )
    .action(async (slug: string, motions: string[], options: import('./commands/marshal.js').MarshalOptions) => {
      const { runMarshal } = await import('./commands/marshal.js')
      done(await runMarshal(slug, motions, options, io))
    })

  program
    .command('decide')
    .description("record what a body decided on a motion, or on several amendments at once in the order of voting (all or none), in the protocol's history (history/SLUG.yml)")
    .argument('<motion>', 'the motion file (amendments/SLUG/ID.md); or, with --carried/--lost/--withdrawn/--deferred, the protocol slug')
    .argument('[motions...]', 'with a protocol slug: the motions marshalled (default: every motion tabled and not decided), numbered as keeling marshal numbers them')
    .requiredOption('--body <body>', 'the body that decided, e.g. "Council" or "Constitution Working Group"')
    .requiredOption('--date <date>', 'the date of the meeting, YYYY-MM-DD')
    .option('--outcome <outcome>', 'one motion: carried, lost, withdrawn, deferred, referred or superseded')
    .option('--carried <amendments>', 'several: the amendments carried, by number on the marshalled list or motion ID, e.g. 1,3')
    .option('--lost <amendments>', 'several: the amendments lost')
    .option('--withdrawn <amendments>', 'several: the amendments withdrawn')
    .option('--deferred <amendments>', 'several: the amendments deferred')
    .option('--votes <vote>', 'several: one amendment\'s votes, N=FOR/AGAINST[/ABSTAIN], e.g. 3=12/4/1 (repeatable)', collect, [])
    .addOption(new Option('--order <order>', 'several: the order of voting they are recorded in, as keeling marshal --order').choices(['text', 'tabled']).default('text'))
    .option('--for <n>', 'votes for')
    .option('--against <n>', 'votes against')
    .option('--abstain <n>', 'abstentions')
    .option('--meeting <meeting>', 'the meeting, e.g. "Council, 4 April 2017, item 18"')
    .option('--mover <name>', "who moved it at the meeting (default: the motion's mover)")
    .option('--seconder <name>', "who seconded it (default: the motion's seconder)")
    .option('--note <text>', 'anything else the minutes say')
    .addHelpText(
      'after',
      '\nExamples:\n  $ keeling decide amendments/uttlesford/cwg-2017-04-25.md --body "Constitution Working Group" --date 2017-04-25 --outcome carried\n  $ keeling decide town-council --carried 1,6,5 --lost 7 --withdrawn 3 --votes 1=9/3 --body "Town Council" --date 2026-03-17'
    )
    .action(async (target: string, motions: string[], options: import('./commands/decide.js').DecideOptions & import('./commands/decide-many.js').DecideManyOptions) => {
      const several = ['carried', 'lost', 'withdrawn', 'deferred'].some((key) => options[key as 'carried'] !== undefined)
      if (several) {
        if (options.outcome !== undefined) throw new UserError('give --outcome for one motion, or --carried/--lost/--withdrawn/--deferred for several, not both', EXIT_USAGE)
        const { runDecideMany } = await import('./commands/decide-many.js')
        done(await runDecideMany(target, motions, options, io))
        return
      }
      if (options.outcome === undefined) throw new UserError("decide: give --outcome for one motion (keeling decide MOTION.md --outcome carried …), or --carried/--lost/--withdrawn/--deferred for a protocol's amendments", EXIT_USAGE)
      if (motions.length > 0) throw new UserError(`decide: one motion at a time with --outcome; for several, keeling decide SLUG --carried … --lost …`, EXIT_USAGE)
      const { runDecide } = await import('./commands/decide.js')
      done(await runDecide(target, { ...options, outcome: options.outcome }, io))
    })

  program
    .command('adopt')
    .description('apply carried motions to the last version and record the new version (with no versions yet and no motions: record the text as it stands)')
    .argument('<protocol>', 'the protocol slug')
    .argument('[motions...]', 'the carried motions adopted in this version, in order')
    .requiredOption('--version <label>', 'the new version\'s label, e.g. council-2017-04-04')
    .requiredOption('--date <date>', 'the date it was adopted, YYYY-MM-DD')
    .requiredOption('--by <body>', 'the body that adopted it')
    .addHelpText('after', '\nExamples:\n  $ keeling adopt uttlesford --version submitted-2017-04-04 --date 2017-04-04 --by "Uttlesford District Council"\n  $ keeling adopt uttlesford --version cwg-2017-04-25 --date 2017-04-25 --by "Constitution Working Group" amendments/uttlesford/cwg-2017-04-25.md')
    .action(async (slug: string, paths: string[], options: import('./commands/adopt.js').AdoptOptions) => {
      const { runAdopt } = await import('./commands/adopt.js')
      done(await runAdopt(slug, paths, options, io))
    })

  program
    .command('versions')
    .description("a protocol's versions: label, date, adopting body, motions, hash")
    .argument('<protocol>', 'the protocol slug')
    .option('--json', 'print the versions as JSON')
    .addHelpText('after', '\nExample:\n  $ keeling versions uttlesford')
    .action(async (slug: string, options: { json?: boolean }) => {
      const { runVersions } = await import('./commands/versions.js')
      done(await runVersions(slug, options, io))
    })

  program
    .command('verify')
    .description("check each history's chain and head, every version's stored text and motions (naming engine drift), and that each protocol file is its last version (plus motions applied since)")
    .argument('[protocols...]', 'protocol slugs (default: every protocol with a history)')
    .option('--json', 'print each protocol verified, its versions and any problems, as JSON')
    .option('--head <hash>', 'also check the history against a head published elsewhere (minutes, a printed copy): its SHA-256, or at least its first 12 characters')
    .addHelpText('after', '\nExamples:\n  $ keeling verify uttlesford\n  $ keeling verify --json\n  $ keeling verify uttlesford --head 77f85d56f992')
    .action(async (slugs: string[], options: import('./commands/verify.js').VerifyOptions) => {
      const { runVerify } = await import('./commands/verify.js')
      done(await runVerify(slugs, options, io))
    })

  program
    .command('migrate')
    .description("bring histories made by an earlier keeling up to date: store every version's text beside the history and anchor the history's head in the protocol")
    .argument('[protocols...]', 'protocol slugs (default: every protocol with a history)')
    .addHelpText('after', '\nExample:\n  $ keeling migrate uttlesford')
    .action(async (slugs: string[]) => {
      const { runMigrate } = await import('./commands/migrate.js')
      done(await runMigrate(slugs, io))
    })

  program
    .command('log')
    .description('decisions and versions, newest first, with votes; for a clause, only the motions that changed it')
    .argument('<protocol>', 'the protocol slug')
    .argument('[clause]', 'a number, clause ID or opening words')
    .option('--json', 'print the records as JSON')
    .addHelpText('after', '\nExamples:\n  $ keeling log uttlesford\n  $ keeling log uttlesford 7.2')
    .action(async (slug: string, clause: string | undefined, options: { json?: boolean }) => {
      const { runLog } = await import('./commands/log.js')
      done(await runLog(slug, clause, options, io))
    })

  program
    .command('blame')
    .description('each clause word by word, each run of words with the version, motion, mover, body, date and vote that last changed it')
    .argument('<protocol>', 'the protocol slug')
    .argument('[clause]', 'a number, clause ID or opening words (default: every clause)')
    .option('--json', 'print the spans as JSON')
    .addHelpText('after', '\nExample:\n  $ keeling blame uttlesford 7.2')
    .action(async (slug: string, clause: string | undefined, options: { json?: boolean }) => {
      const { runBlame } = await import('./commands/blame.js')
      done(await runBlame(slug, clause, options, io))
    })

  program
    .command('report')
    .description('the appendix between two versions, every change attributed to its motion, mover, body, date and vote')
    .argument('<protocol>', 'the protocol slug')
    .requiredOption('--from <version>', 'the earlier version')
    .requiredOption('--to <version>', 'the later version')
    .addOption(new Option('--format <format>', 'md (the appendix), html, docx (needs -o), json or text').choices(['text', 'md', 'html', 'docx', 'json']).default('md'))
    .option('-o, --output <file>', 'write to this file (whole or not at all) instead of stdout')
    .addHelpText('after', '\nExamples:\n  $ keeling report uttlesford --from council-2017-04-04 --to cwg-2017-04-25\n  $ keeling report uttlesford --from council-2017-04-04 --to cwg-2017-04-25 --format docx -o appendix-b.docx')
    .action(async (slug: string, options: import('./commands/report.js').ReportOptions) => {
      const { runReport } = await import('./commands/report.js')
      done(await runReport(slug, options, io))
    })

  program
    .command('paper')
    .description('the committee report: the account of the motions, the wordings compared, the differences in sentences, and the appendix of tracked changes')
    .argument('[protocol]', 'the protocol slug')
    .option('--from <version>', 'the version the committee last saw')
    .option('--to <version>', 'the version put before it')
    .option('--meta <file>', 'PAPER.yml: committee, date, title, author, recommendation … (start one with --init)')
    .option('--propose <motions...>', 'motion files put to the meeting, not yet decided: the appendix shows the changes they would make to --to (or --from)')
    .addOption(new Option('--format <format>', 'md, html (print-ready A4 with page numbers) or docx (Word, the appendix as tracked changes; needs -o)').choices(['md', 'html', 'docx']).default('md'))
    .option('-o, --output <file>', 'write to this file (whole or not at all) instead of stdout')
    .option('--force', 'with -o: write over a file this command reads (never over a record)')
    .option('--init [file]', 'write a commented PAPER.yml to fill in (default: PAPER.yml); never over an existing file')
    .addHelpText(
      'after',
      '\nExamples:\n  $ keeling paper uttlesford --init papers/council-2017-05-16.yml\n  $ keeling paper uttlesford --from council-2017-04-04 --to cwg-2017-04-25 --meta papers/council-2017-05-16.yml --format html -o paper.html'
    )
    .action(async (slug: string | undefined, options: import('./commands/paper.js').PaperOptions) => {
      const { runPaper } = await import('./commands/paper.js')
      done(await runPaper(slug, options, io))
    })

  program
    .command('site')
    .description('a static website of every protocol and version: the current text with who last changed each clause, every version as it stood, the changes, each clause\'s history, the decisions, the motions pending, and a search')
    .option('-o, --output <folder>', 'the folder to write (replaced whole; never among the records)', 'site')
    .addHelpText('after', '\nExamples:\n  $ keeling site\n  $ keeling site -o public')
    .action(async (options: import('./commands/site.js').SiteOptions) => {
      const { runSite } = await import('./commands/site.js')
      done(await runSite(options, io))
    })

  program
    .command('diff')
    .description('compare two texts of a protocol clause by clause and word by word; exit 0 when they read the same, 1 when they differ')
    .argument('<a>', 'the old text: a protocol file or slug, or any Markdown or text file')
    .argument('<b>', 'the new text')
    .addOption(
      new Option('--format <format>', 'text: changed clauses, coloured on a terminal; md: the full text marked as an appendix; html: a page to read or print; docx: Word with tracked changes (needs -o); json: the change set; critic: the full text in CriticMarkup')
        .choices(['text', 'md', 'html', 'docx', 'json', 'critic'])
        .default('text')
    )
    .option('-o, --output <file>', 'write to this file (whole or not at all) instead of stdout')
    .option('--force', 'with -o: write over a file this command reads (never over a record)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ keeling diff protocols/uttlesford.md draft.md\n  $ keeling diff old.md new.md --format md -o appendix-b.md\n  $ keeling diff old.md new.md --format docx -o appendix-b.docx\n  $ git difftool -y -x "keeling diff" -- protocols/uttlesford.md'
    )
    .action(async (a: string, b: string, options: import('./commands/diff.js').DiffOptions) => {
      const { runDiff } = await import('./commands/diff.js')
      done(await runDiff(a, b, options, io))
    })

  return program
}

export interface ImportCommandOptions {
  as: string
  title?: string
  body?: string
  from?: string
  to?: string
  tracked?: 'before' | 'after'
  inserted: string[]
  acceptChanges?: boolean
  force?: boolean
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
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

