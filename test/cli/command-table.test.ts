import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { defineCommand, type ArgumentValues, type CommandDefinition, type OptionValues } from '../../src/cli/build-command.js'
import { COMMANDS } from '../../src/cli/command-table.js'
import { repoRoot, runCli, tempProject } from '../helpers/run-cli.js'

/** Every command that runs something, with its full name (`motion new`). */
function leaves(commands: readonly CommandDefinition[], prefix = ''): { fullName: string; command: CommandDefinition }[] {
  return commands.flatMap((command) => {
    const fullName = `${prefix}${command.name}`
    return command.subcommands.length > 0 ? leaves(command.subcommands, `${fullName} `) : [{ fullName, command }]
  })
}

/** The names in an option's flags: `-o, --output <file>` → `-o`, `--output`. */
function flagNames(flags: string): string[] {
  return flags.split(/[ ,|]+/).filter((word) => word.startsWith('-'))
}

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
const commandsSection = readme.slice(readme.indexOf('\n## Commands\n'), readme.indexOf('\n## ', readme.indexOf('\n## Commands\n') + 1))

describe('the command table', () => {
  it('holds the commands a user knows, each once among its siblings', () => {
    const names = (commands: readonly CommandDefinition[]): string[] => commands.map((command) => command.name)
    expect(names(COMMANDS)).toEqual(['import', 'check', 'show', 'motion', 'apply', 'compare', 'marshal', 'decide', 'adopt', 'versions', 'verify', 'migrate', 'log', 'blame', 'report', 'paper', 'site', 'diff'])
    const groups = [COMMANDS, ...COMMANDS.map((command) => command.subcommands)]
    for (const group of groups) expect(new Set(names(group)).size).toBe(group.length)
    expect(leaves(COMMANDS).map(({ fullName }) => fullName)).toContain('motion from-docx')
  })

  it('describes every command, argument and option, and gives every command an example of itself', () => {
    for (const { fullName, command } of leaves(COMMANDS)) {
      expect(command.description, fullName).toMatch(/\S/)
      for (const argument of command.arguments) expect(argument.description, `${fullName} ${argument.syntax}`).toMatch(/\S/)
      for (const option of command.options) expect(option.description, `${fullName} ${option.flags}`).toMatch(/\S/)
      expect(command.examples.some((example) => example.startsWith(`keeling ${fullName} `) || example === `keeling ${fullName}`), fullName).toBe(true)
    }
  })

  it('gives no two options of a command the same flag, and a default only among the choices', () => {
    for (const { fullName, command } of leaves(COMMANDS)) {
      const flags = command.options.flatMap((option) => flagNames(option.flags))
      expect(new Set(flags).size, `${fullName}: ${flags.join(' ')}`).toBe(flags.length)
      for (const option of command.options) {
        if (option.choices && option.default !== undefined) expect(option.choices, `${fullName} ${option.flags}`).toContain(option.default)
        expect(option.required === true && option.default !== undefined, `${fullName} ${option.flags} is required and has a default`).toBe(false)
      }
    }
  })

  it('lists every command in keeling --help, and every argument and option in its own help', async () => {
    const cwd = tempProject()
    const top = await runCli(['--help'], cwd)
    for (const command of COMMANDS) expect(top.stdout).toMatch(new RegExp(`^ {2}${command.name} `, 'm'))
    const motion = await runCli(['motion', '--help'], cwd)
    for (const subcommand of COMMANDS.find((command) => command.name === 'motion')?.subcommands ?? []) expect(motion.stdout).toMatch(new RegExp(`^ {2}${subcommand.name} `, 'm'))
    for (const { fullName, command } of leaves(COMMANDS)) {
      const help = await runCli([...fullName.split(' '), '--help'], cwd)
      expect(help.code, fullName).toBe(0)
      expect(help.stdout, fullName).toContain(`Usage: keeling ${fullName} `)
      for (const argument of command.arguments) expect(help.stdout, fullName).toMatch(new RegExp(`^ {2}${argument.syntax.replace(/[<>[\].]/g, '')} `, 'm'))
      for (const option of command.options) expect(help.stdout, fullName).toContain(`  ${option.flags}`)
      for (const example of command.examples) expect(help.stdout, fullName).toContain(`  $ ${example}\n`)
    }
  })

  it("has each command in the README's list of commands, and the README no command the table lacks", () => {
    const headings = [...commandsSection.matchAll(/^### `keeling ([a-z-]+(?: [a-z][a-z-]*)?)/gm)].map((match) => match[1] ?? '')
    const documented = headings.map((heading) => (heading.startsWith('motion ') ? heading : (heading.split(' ')[0] ?? '')))
    const fullNames = leaves(COMMANDS).map(({ fullName }) => fullName)
    expect([...documented].sort()).toEqual([...fullNames].sort())
  })
})

describe('option and argument types read from a declaration', () => {
  it('types each value as its flags, choices, default and repeatability say', () => {
    type Declared = readonly [
      { flags: '--json'; description: 'as JSON' },
      { flags: '--as <slug>'; description: 'the slug'; required: true },
      { flags: '--format <format>'; description: 'the format'; choices: readonly ['md', 'text']; default: 'md' },
      { flags: '--tracked <side>'; description: 'a side'; choices: readonly ['before', 'after'] },
      { flags: '--inserted <text>'; description: 'repeatable'; repeatable: true },
      { flags: '--line-numbers [numbering]'; description: 'optional word'; choices: readonly ['running', 'page'] },
      { flags: '--propose <motions...>'; description: 'a list' },
      { flags: '-o, --output <folder>'; description: 'defaulted'; default: 'site' },
      { flags: '--dry-run'; description: 'two words' }
    ]
    expectTypeOf<OptionValues<Declared>>().toEqualTypeOf<{
      as: string
      format: 'md' | 'text'
      inserted: string[]
      output: string
      json?: true
      tracked?: 'before' | 'after'
      lineNumbers?: 'running' | 'page' | true
      propose?: string[]
      dryRun?: true
    }>()
    type Positional = readonly [{ syntax: '<protocol>'; description: '' }, { syntax: '[clause]'; description: '' }, { syntax: '[motions...]'; description: '' }]
    expectTypeOf<ArgumentValues<Positional>>().toEqualTypeOf<[string, string | undefined, string[]]>()
  })

  it('refuses, at compile time, a run that reads an option not declared', () => {
    const command = defineCommand({
      name: 'example',
      description: 'an example',
      arguments: [{ syntax: '<file>', description: 'a file' }],
      options: [{ flags: '--format <format>', description: 'the format', choices: ['md', 'text'], default: 'md' }],
      examples: ['keeling example a.md'],
      run: async ([file, options]) => {
        expectTypeOf(file).toEqualTypeOf<string>()
        expectTypeOf(options.format).toEqualTypeOf<'md' | 'text'>()
        // @ts-expect-error --json is not declared
        return options.json ? 1 : 0
      }
    })
    expect(command.options.map((option) => option.flags)).toEqual(['--format <format>'])
  })
})
