import { defineCommand, defineGroup, type CommandDefinition, type OptionValues } from './build-command.js'
import { EXIT_USAGE, UserError } from './io.js'

/** What `keeling --help` says above and below the list of commands. */
export const PROGRAM = {
  name: 'keeling',
  description:
    "Keep a council's constitution as Markdown with stable clause IDs: apply motions as they are read out, record who moved, seconded and approved each change, and write the committee papers.",
  examples: [
    'keeling show uttlesford 3.9 --format text',
    'keeling apply amendments/uttlesford/cwg-2017-04-25.md --dry-run',
    'keeling paper uttlesford --from council-2017-04-04 --to cwg-2017-04-25 --meta papers/council-2017-05-16.yml'
  ],
  footer: 'Run `keeling help <command>` for its options and an example.'
} as const

/** `-o FILE` for a command that writes one document. */
const OUTPUT = { flags: '-o, --output <file>', description: 'write to this file (whole or not at all) instead of stdout; - is stdout' } as const
/** `--force` for a command whose `-o` could name one of its inputs. */
const FORCE_OUTPUT = { flags: '--force', description: 'with -o: write over a file this command reads (never over a record)' } as const
/** The registers a drafted motion can be worded in. */
const STYLE = { flags: '--style <style>', description: 'uk-council, legislation, roberts or plain', default: 'uk-council' } as const
/** `--force` for the commands that draft motion files. */
const FORCE_DRAFT = { flags: '--force', description: 'replace a motion file of that ID not yet decided on; with -o, write over an input' } as const

const importOptions = [
  { flags: '--as <slug>', description: 'the protocol slug: lowercase letters, digits, hyphens', required: true },
  { flags: '--title <title>', description: 'the title (default: the first line, when it reads as a title)' },
  { flags: '--body <body>', description: 'the body that owns the protocol, e.g. "Uttlesford District Council"' },
  { flags: '--from <text>', description: 'start at the first line that begins with this text' },
  { flags: '--to <text>', description: 'stop before the first line that begins with this text' },
  { flags: '--tracked <side>', description: 'read tracked changes (CriticMarkup, or ~~struck~~ and <u>underlined</u> words), keeping one side', choices: ['before', 'after'] },
  { flags: '--inserted <text>', description: 'text that is an insertion though its underline was lost; mark it within context as "words [inserted] words" (repeatable)', repeatable: true },
  { flags: '--accept-changes', description: 'Word: read a document that has tracked changes as if every change were accepted' },
  { flags: '--force', description: 'replace an existing protocols/SLUG.md' }
] as const

/** The options `keeling import` runs with, as its declaration types them. */
export type ImportCommandOptions = OptionValues<typeof importOptions>

const importCommand = defineCommand({
  name: 'import',
  description: 'import a document (plain text, Markdown, Word .docx or PDF) as protocols/SLUG.md',
  arguments: [{ syntax: '<file>', description: 'the document: .txt or .md (UTF-8, LF or CRLF, with or without a BOM), .docx, or .pdf with a text layer' }],
  options: importOptions,
  examples: [
    'keeling import council-protocol.txt --as town-council --body "Anytown Town Council"',
    'keeling import "Standing Orders 2024.docx" --as standing-orders',
    'keeling import constitution.pdf --as constitution --from "Part 1"'
  ],
  run: async ([file, options], io) => (await import('./commands/import.js')).runImport(file, options, io)
})

const check = defineCommand({
  name: 'check',
  description: 'check protocols and motions: clause IDs, numbering, cross-references, front matter, whether each motion applies',
  arguments: [{ syntax: '[files...]', description: 'protocol slugs (with their motions in amendments/SLUG/), protocol paths or motion files (default: everything)' }],
  options: [{ flags: '--json', description: 'print the problems as JSON' }],
  examples: ['keeling check uttlesford', 'keeling check amendments/uttlesford/cwg-2017-04-25.md'],
  run: async ([targets, options], io) => (await import('./commands/check.js')).runCheck(targets, options, io)
})

const show = defineCommand({
  name: 'show',
  description: 'show a protocol, or one clause with everything that belongs to it',
  arguments: [
    { syntax: '<protocol>', description: 'a slug (uttlesford) or a path (protocols/uttlesford.md)' },
    { syntax: '[clause]', description: 'a number (21.2.1), a clause ID (c3-9), or opening words ("Nothing in this protocol")' }
  ],
  options: [
    {
      flags: '--format <format>',
      description: 'md as stored, text as a reader sees it, json as the clause tree; html and docx (with -o): the clean text to print, with its version and hash in the footer',
      choices: ['md', 'text', 'json', 'html', 'docx'],
      default: 'md'
    },
    { flags: '--json', description: 'the same as --format json' },
    OUTPUT,
    { flags: '--force', description: 'with -o: write over the protocol file given as input (never over a record in protocols/ or history/)' },
    {
      flags: '--line-numbers [numbering]',
      description:
        'with --format text, html or docx: the whole text with its lines numbered (at most 80 characters a line, 40 lines a page), running through it or from 1 on each page, for motions that cite "Line 112, …" or "Page 3, line 32, …"',
      choices: ['running', 'page']
    }
  ],
  examples: [
    'keeling show uttlesford 3.9 --format text',
    'keeling show uttlesford "Nothing in this protocol"',
    'keeling show protocols/section-21.md 21.2.1 --format json',
    'keeling show uttlesford@cwg-2017-04-25 --format docx -o uttlesford.docx'
  ],
  run: async ([target, clause, options], io) => {
    const { runShow } = await import('./commands/show.js')
    // `--line-numbers` alone numbers the lines running through the text.
    const lineNumbers = options.lineNumbers === true ? 'running' : (options.lineNumbers ?? false)
    return runShow(target, clause, options.json ? 'json' : options.format, io, options.output, options.force === true, lineNumbers)
  }
})

const motionNew = defineCommand({
  name: 'new',
  description: 'write a new motion file, amendments/SLUG/ID.md, with every form of instruction as a comment',
  arguments: [{ syntax: '<protocol>', description: 'the slug of the protocol the motion changes' }],
  options: [
    { flags: '--title <title>', description: 'what the motion is about', required: true },
    { flags: '--mover <name>', description: 'who moves it, e.g. "Cllr Artus"', required: true },
    { flags: '--seconder <name>', description: 'who seconds it' },
    { flags: '--id <id>', description: 'the motion ID and file name (default: from the title)' },
    { flags: '--force', description: 'replace an existing motion file' }
  ],
  examples: ['keeling motion new uttlesford --title "Engagement with officers" --mover "Cllr Artus" --id artus-1'],
  run: async ([slug, options], io) => (await import('./commands/motion-new.js')).runMotionNew(slug, options, io)
})

const motionFrom = defineCommand({
  name: 'from',
  description: 'draft the motion that turns one text of a protocol into another (an edited copy, a version), checked by applying it, as amendments/SLUG/ID.md',
  arguments: [
    { syntax: '<old>', description: 'the text as it stands: a protocol slug, a version (SLUG@LABEL) or a file' },
    { syntax: '<new>', description: 'the text it should read: a version, an edited copy of the protocol, or a Markdown or text file' }
  ],
  options: [
    { flags: '--mover <name>', description: 'who moves it, e.g. "Constitution Working Group"', required: true },
    { flags: '--seconder <name>', description: 'who seconds it' },
    { flags: '--title <title>', description: 'what the motion is about (default: from the protocol and NEW)' },
    { flags: '--id <id>', description: 'the motion ID and file name (default: from the title)' },
    { flags: '--protocol <slug>', description: 'the protocol the motion changes (default: from OLD)' },
    { ...STYLE, description: 'the register to word it in: uk-council, legislation, roberts or plain' },
    { flags: '-o, --output <file>', description: 'write the motion to this file (- for stdout) instead of amendments/SLUG/ID.md' },
    FORCE_DRAFT
  ],
  examples: [
    'keeling motion from uttlesford@council-2017-04-04 uttlesford@cwg-2017-04-25 --mover "Constitution Working Group" --id cwg-draft',
    'keeling motion from uttlesford edited/uttlesford.md --mover "Cllr Artus" --style legislation -o -'
  ],
  run: async ([before, after, options], io) => (await import('./commands/motion-from.js')).runMotionFrom(before, after, options, io)
})

const motionFromTracked = defineCommand({
  name: 'from-tracked',
  description: 'draft the motion a marked-up text makes (CriticMarkup, or ~~struck~~ and <u>underlined</u> words), checked against the protocol and by applying it',
  arguments: [{ syntax: '<file>', description: 'the marked-up text' }],
  options: [
    { flags: '--protocol <slug>', description: 'the protocol it marks up: SLUG (its text now) or SLUG@VERSION', required: true },
    { flags: '--mover <name>', description: 'who moves it' },
    { flags: '--seconder <name>', description: 'who seconds it' },
    { flags: '--title <title>', description: 'what the motion is about' },
    { flags: '--id <id>', description: 'the motion ID and file name (default: from the title)' },
    STYLE,
    { flags: '-o, --output <file>', description: 'write the motion to this file (- for stdout) instead of amendments/SLUG/ID.md' },
    FORCE_DRAFT
  ],
  examples: [
    'keeling diff uttlesford edited.md --format critic -o edited.critic.md',
    'keeling motion from-tracked edited.critic.md --protocol uttlesford --mover "Cllr Artus" -o -'
  ],
  run: async ([file, options], io) => (await import('./commands/motion-from.js')).runMotionFromTracked(file, options, io)
})

const motionFromDocx = defineCommand({
  name: 'from-docx',
  description: "draft one motion per author of a Word redline's tracked changes (or one in all), the author as mover, checked against the protocol and by applying each",
  arguments: [{ syntax: '<redline>', description: 'the Word document (.docx) with tracked changes, made from a text of the protocol' }],
  options: [
    { flags: '--protocol <slug>', description: 'the protocol it was made from: SLUG (its text now) or SLUG@VERSION', required: true },
    { flags: '--one', description: 'one motion for every change, whoever made it (needs --mover)' },
    { flags: '--mover <name>', description: 'with --one: who moves it' },
    { flags: '--seconder <name>', description: 'who seconds it' },
    { flags: '--title <title>', description: 'what the motions are about' },
    { flags: '--id <id>', description: "the motion ID (default: the file's name); per author, ID-AUTHOR" },
    STYLE,
    { flags: '-o, --output <file>', description: 'with --one (or one author): write the motion to this file (- for stdout) instead of amendments/SLUG/' },
    { flags: '--force', description: 'replace motion files of those IDs not yet decided on' }
  ],
  examples: ['keeling motion from-docx cwg-redline.docx --protocol uttlesford@council-2017-04-04'],
  run: async ([file, options], io) => (await import('./commands/motion-from.js')).runMotionFromDocx(file, options, io)
})

const apply = defineCommand({
  name: 'apply',
  description: "apply motions to their protocol's text: all of them, in the order given, or none",
  arguments: [{ syntax: '<motions...>', description: 'motion files (amendments/SLUG/ID.md)' }],
  options: [{ flags: '--dry-run', description: 'print the changes, word by word, and write nothing' }],
  examples: ['keeling apply amendments/uttlesford/cwg-2017-04-25.md --dry-run', 'keeling apply amendments/uttlesford/cwg-1.md amendments/uttlesford/artus-on-cwg-1.md'],
  run: async ([paths, options], io) => (await import('./commands/apply.js')).runApply(paths, options, io)
})

const compare = defineCommand({
  name: 'compare',
  description:
    'two competing motions (or a motion and an amendment to it), each applied on its own to the same text: the clauses they touch side by side, every difference in a sentence',
  arguments: [
    { syntax: '<motionA>', description: 'the first motion file' },
    { syntax: '<motionB>', description: 'the second motion file' }
  ],
  options: [{ flags: '--format <format>', description: 'text, md, html or json', choices: ['text', 'md', 'html', 'json'], default: 'text' }, OUTPUT, FORCE_OUTPUT],
  examples: ['keeling compare amendments/uttlesford/cwg-2017-04-25.md amendments/uttlesford/artus-2017-05-16.md --format md'],
  run: async ([a, b, options], io) => (await import('./commands/compare.js')).runCompare(a, b, options, io)
})

const marshal = defineCommand({
  name: 'marshal',
  description:
    'the marshalled list of the amendments before a meeting: each in the order of the text, amendments to amendments after their parent, every conflict, the order of voting; with --carry/--lose, the text an outcome would make and what falls',
  arguments: [
    { syntax: '<protocol>', description: 'the protocol slug' },
    { syntax: '[motions...]', description: 'the motions to marshal, by ID or path (default: every motion in amendments/SLUG/ tabled and not decided)' }
  ],
  options: [
    {
      flags: '--format <format>',
      description: 'text, md, html (print-ready, with the conflicts matrix), json or docx (needs -o); with --carry/--lose: text, md (the protocol as it would read), html or json',
      choices: ['text', 'md', 'html', 'json', 'docx'],
      default: 'text'
    },
    {
      flags: '--order <order>',
      description: 'the order of voting: text (the order of the text) or tabled (the order the amendments were tabled)',
      choices: ['text', 'tabled'],
      default: 'text'
    },
    { flags: '--carry <amendments>', description: 'simulate: the amendments carried, by number on the list or motion ID, e.g. 1,3' },
    { flags: '--lose <amendments>', description: 'simulate: the amendments lost, e.g. 2' },
    OUTPUT
  ],
  examples: [
    'keeling marshal town-council',
    'keeling marshal uttlesford cwg-2017-04-25 artus-2017-05-16 --format html -o marshalled.html',
    'keeling marshal town-council --carry 1,3 --lose 2',
    'keeling marshal town-council --carry 1,3 --format md -o outcome.md'
  ],
  run: async ([slug, motions, options], io) => (await import('./commands/marshal.js')).runMarshal(slug, motions, options, io)
})

const decide = defineCommand({
  name: 'decide',
  description: "record what a body decided on a motion, or on several amendments at once in the order of voting (all or none), in the protocol's history (history/SLUG.yml)",
  arguments: [
    { syntax: '<motion>', description: 'the motion file (amendments/SLUG/ID.md); or, with --carried/--lost/--withdrawn/--deferred, the protocol slug' },
    { syntax: '[motions...]', description: 'with a protocol slug: the motions marshalled (default: every motion tabled and not decided), numbered as keeling marshal numbers them' }
  ],
  options: [
    { flags: '--body <body>', description: 'the body that decided, e.g. "Council" or "Constitution Working Group"', required: true },
    { flags: '--date <date>', description: 'the date of the meeting, YYYY-MM-DD', required: true },
    { flags: '--outcome <outcome>', description: 'one motion: carried, lost, withdrawn, deferred, referred or superseded' },
    { flags: '--carried <amendments>', description: 'several: the amendments carried, by number on the marshalled list or motion ID, e.g. 1,3' },
    { flags: '--lost <amendments>', description: 'several: the amendments lost' },
    { flags: '--withdrawn <amendments>', description: 'several: the amendments withdrawn' },
    { flags: '--deferred <amendments>', description: 'several: the amendments deferred' },
    { flags: '--votes <vote>', description: "several: one amendment's votes, N=FOR/AGAINST[/ABSTAIN], e.g. 3=12/4/1 (repeatable)", repeatable: true },
    { flags: '--order <order>', description: 'several: the order of voting they are recorded in, as keeling marshal --order', choices: ['text', 'tabled'], default: 'text' },
    { flags: '--for <n>', description: 'votes for' },
    { flags: '--against <n>', description: 'votes against' },
    { flags: '--abstain <n>', description: 'abstentions' },
    { flags: '--meeting <meeting>', description: 'the meeting, e.g. "Council, 4 April 2017, item 18"' },
    { flags: '--mover <name>', description: "who moved it at the meeting (default: the motion's mover)" },
    { flags: '--seconder <name>', description: "who seconded it (default: the motion's seconder)" },
    { flags: '--note <text>', description: 'anything else the minutes say' }
  ],
  examples: [
    'keeling decide amendments/uttlesford/cwg-2017-04-25.md --body "Constitution Working Group" --date 2017-04-25 --outcome carried',
    'keeling decide town-council --carried 1,6,5 --lost 7 --withdrawn 3 --votes 1=9/3 --body "Town Council" --date 2026-03-17'
  ],
  run: async ([target, motions, options], io) => {
    const several = [options.carried, options.lost, options.withdrawn, options.deferred].some((amendments) => amendments !== undefined)
    const { outcome } = options
    if (several) {
      if (outcome !== undefined) throw new UserError('give --outcome for one motion, or --carried/--lost/--withdrawn/--deferred for several, not both', EXIT_USAGE)
      return (await import('./commands/decide-many.js')).runDecideMany(target, motions, options, io)
    }
    if (outcome === undefined) throw new UserError("decide: give --outcome for one motion (keeling decide MOTION.md --outcome carried …), or --carried/--lost/--withdrawn/--deferred for a protocol's amendments", EXIT_USAGE)
    if (motions.length > 0) throw new UserError(`decide: one motion at a time with --outcome; for several, keeling decide SLUG --carried … --lost …`, EXIT_USAGE)
    return (await import('./commands/decide.js')).runDecide(target, { ...options, outcome }, io)
  }
})

const adopt = defineCommand({
  name: 'adopt',
  description: 'apply carried motions to the last version and record the new version (with no versions yet and no motions: record the text as it stands)',
  arguments: [
    { syntax: '<protocol>', description: 'the protocol slug' },
    { syntax: '[motions...]', description: 'the carried motions adopted in this version, in order' }
  ],
  options: [
    { flags: '--version <label>', description: "the new version's label, e.g. council-2017-04-04", required: true },
    { flags: '--date <date>', description: 'the date it was adopted, YYYY-MM-DD', required: true },
    { flags: '--by <body>', description: 'the body that adopted it', required: true }
  ],
  examples: [
    'keeling adopt uttlesford --version submitted-2017-04-04 --date 2017-04-04 --by "Uttlesford District Council"',
    'keeling adopt uttlesford --version cwg-2017-04-25 --date 2017-04-25 --by "Constitution Working Group" amendments/uttlesford/cwg-2017-04-25.md'
  ],
  run: async ([slug, paths, options], io) => (await import('./commands/adopt.js')).runAdopt(slug, paths, options, io)
})

const versions = defineCommand({
  name: 'versions',
  description: "a protocol's versions: label, date, adopting body, motions, hash",
  arguments: [{ syntax: '<protocol>', description: 'the protocol slug' }],
  options: [{ flags: '--json', description: 'print the versions as JSON' }],
  examples: ['keeling versions uttlesford'],
  run: async ([slug, options], io) => (await import('./commands/versions.js')).runVersions(slug, options, io)
})

const verify = defineCommand({
  name: 'verify',
  description:
    "check each history's chain and head, every version's stored text and motions (naming engine drift), and that each protocol file is its last version (plus motions applied since)",
  arguments: [{ syntax: '[protocols...]', description: 'protocol slugs (default: every protocol with a history)' }],
  options: [
    { flags: '--json', description: 'print each protocol verified, its versions and any problems, as JSON' },
    { flags: '--head <hash>', description: 'also check the history against a head published elsewhere (minutes, a printed copy): its SHA-256, or at least its first 12 characters' }
  ],
  examples: ['keeling verify uttlesford', 'keeling verify --json', 'keeling verify uttlesford --head 77f85d56f992'],
  run: async ([slugs, options], io) => (await import('./commands/verify.js')).runVerify(slugs, options, io)
})

const migrate = defineCommand({
  name: 'migrate',
  description: "bring histories made by an earlier keeling up to date: store every version's text beside the history and anchor the history's head in the protocol",
  arguments: [{ syntax: '[protocols...]', description: 'protocol slugs (default: every protocol with a history)' }],
  options: [],
  examples: ['keeling migrate uttlesford'],
  run: async ([slugs], io) => (await import('./commands/migrate.js')).runMigrate(slugs, io)
})

const log = defineCommand({
  name: 'log',
  description: 'decisions and versions, newest first, with votes; for a clause, only the motions that changed it',
  arguments: [
    { syntax: '<protocol>', description: 'the protocol slug' },
    { syntax: '[clause]', description: 'a number, clause ID or opening words' }
  ],
  options: [{ flags: '--json', description: 'print the records as JSON' }],
  examples: ['keeling log uttlesford', 'keeling log uttlesford 7.2'],
  run: async ([slug, clause, options], io) => (await import('./commands/log.js')).runLog(slug, clause, options, io)
})

const blame = defineCommand({
  name: 'blame',
  description: 'each clause word by word, each run of words with the version, motion, mover, body, date and vote that last changed it',
  arguments: [
    { syntax: '<protocol>', description: 'the protocol slug' },
    { syntax: '[clause]', description: 'a number, clause ID or opening words (default: every clause)' }
  ],
  options: [{ flags: '--json', description: 'print the spans as JSON' }],
  examples: ['keeling blame uttlesford 7.2'],
  run: async ([slug, clause, options], io) => (await import('./commands/blame.js')).runBlame(slug, clause, options, io)
})

const report = defineCommand({
  name: 'report',
  description: 'the appendix between two versions, every change attributed to its motion, mover, body, date and vote',
  arguments: [{ syntax: '<protocol>', description: 'the protocol slug' }],
  options: [
    { flags: '--from <version>', description: 'the earlier version', required: true },
    { flags: '--to <version>', description: 'the later version', required: true },
    { flags: '--format <format>', description: 'md (the appendix), html, docx (needs -o), json or text', choices: ['text', 'md', 'html', 'docx', 'json'], default: 'md' },
    OUTPUT
  ],
  examples: [
    'keeling report uttlesford --from council-2017-04-04 --to cwg-2017-04-25',
    'keeling report uttlesford --from council-2017-04-04 --to cwg-2017-04-25 --format docx -o appendix-b.docx'
  ],
  run: async ([slug, options], io) => (await import('./commands/report.js')).runReport(slug, options, io)
})

const paper = defineCommand({
  name: 'paper',
  description: 'the committee report: the account of the motions, the wordings compared, the differences in sentences, and the appendix of tracked changes',
  arguments: [{ syntax: '[protocol]', description: 'the protocol slug' }],
  options: [
    { flags: '--from <version>', description: 'the version the committee last saw' },
    { flags: '--to <version>', description: 'the version put before it' },
    { flags: '--meta <file>', description: 'PAPER.yml: committee, date, title, author, recommendation … (start one with --init)' },
    { flags: '--propose <motions...>', description: 'motion files put to the meeting, not yet decided: the appendix shows the changes they would make to --to (or --from)' },
    {
      flags: '--format <format>',
      description: 'md, html (print-ready A4 with page numbers) or docx (Word, the appendix as tracked changes; needs -o)',
      choices: ['md', 'html', 'docx'],
      default: 'md'
    },
    OUTPUT,
    FORCE_OUTPUT,
    { flags: '--init [file]', description: 'write a commented PAPER.yml to fill in (default: PAPER.yml); never over an existing file' }
  ],
  examples: [
    'keeling paper uttlesford --init papers/council-2017-05-16.yml',
    'keeling paper uttlesford --from council-2017-04-04 --to cwg-2017-04-25 --meta papers/council-2017-05-16.yml --format html -o paper.html'
  ],
  run: async ([slug, options], io) => (await import('./commands/paper.js')).runPaper(slug, options, io)
})

const site = defineCommand({
  name: 'site',
  description:
    "a static website of every protocol and version: the current text with who last changed each clause, every version as it stood, the changes, each clause's history, the decisions, the motions pending, and a search",
  arguments: [],
  options: [{ flags: '-o, --output <folder>', description: 'the folder to write (replaced whole; never among the records)', default: 'site' }],
  examples: ['keeling site', 'keeling site -o public'],
  run: async ([options], io) => (await import('./commands/site.js')).runSite(options, io)
})

const diff = defineCommand({
  name: 'diff',
  description: 'compare two texts of a protocol clause by clause and word by word; exit 0 when they read the same, 1 when they differ',
  arguments: [
    { syntax: '<a>', description: 'the old text: a protocol file or slug, or any Markdown or text file' },
    { syntax: '<b>', description: 'the new text' }
  ],
  options: [
    {
      flags: '--format <format>',
      description:
        'text: changed clauses, coloured on a terminal; md: the full text marked as an appendix; html: a page to read or print; docx: Word with tracked changes (needs -o); json: the change set; critic: the full text in CriticMarkup',
      choices: ['text', 'md', 'html', 'docx', 'json', 'critic'],
      default: 'text'
    },
    OUTPUT,
    FORCE_OUTPUT
  ],
  examples: [
    'keeling diff protocols/uttlesford.md draft.md',
    'keeling diff old.md new.md --format md -o appendix-b.md',
    'keeling diff old.md new.md --format docx -o appendix-b.docx',
    'git difftool -y -x "keeling diff" -- protocols/uttlesford.md'
  ],
  run: async ([a, b, options], io) => (await import('./commands/diff.js')).runDiff(a, b, options, io)
})

/** Every keeling command, in the order `keeling --help` lists them. */
export const COMMANDS: readonly CommandDefinition[] = [
  importCommand,
  check,
  show,
  defineGroup({ name: 'motion', description: 'work with motion files', subcommands: [motionNew, motionFrom, motionFromTracked, motionFromDocx] }),
  apply,
  compare,
  marshal,
  decide,
  adopt,
  versions,
  verify,
  migrate,
  log,
  blame,
  report,
  paper,
  site,
  diff
]
