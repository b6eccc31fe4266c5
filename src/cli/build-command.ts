import { Command, Option } from 'commander'
import type { Io } from './io.js'

/**
 * A positional argument as commander writes it: `<file>` required, `[clause]`
 * optional, `<motions...>` or `[files...]` a list.
 */
export interface ArgumentSpec {
  readonly syntax: string
  readonly description: string
}

/**
 * An option as data. Its flags say its value: `--json` none (true when given),
 * `--as <slug>` a word, `--init [file]` a word or none, `--propose <motions...>`
 * a list. `choices` limits the word, `default` is its value when not given,
 * `required` makes commander refuse the command without it, and `repeatable`
 * collects every use into a list (empty when not given).
 */
export interface OptionSpec {
  readonly flags: string
  readonly description: string
  readonly choices?: readonly string[]
  readonly default?: string
  readonly required?: boolean
  readonly repeatable?: boolean
}

/** `accept-changes` → `acceptChanges`, as commander names an option's value. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S

/** The long name of an option's flags: `-o, --output <file>` → `output`. */
type LongName<Flags extends string> = Flags extends `${string}--${infer Rest}` ? (Rest extends `${infer Name} ${string}` ? Name : Rest) : never

/** The key an option's value has in the options object: `--dry-run` → `dryRun`. */
export type OptionKey<Flags extends string> = CamelCase<LongName<Flags>>

/** A word an option takes: one of its choices, or any text. */
type Word<O extends OptionSpec> = O extends { readonly choices: readonly (infer Choice)[] } ? Choice : string

/** The value commander gives an option that was given. */
type GivenValue<O extends OptionSpec> = O extends { readonly repeatable: true }
  ? string[]
  : O['flags'] extends `${string}<${string}...>`
    ? Word<O>[]
    : O['flags'] extends `${string}<${string}>`
      ? Word<O>
      : O['flags'] extends `${string}[${string}]`
        ? Word<O> | true
        : true

/** Whether an option always has a value: required, defaulted, or collected into a list. */
type AlwaysThere<O extends OptionSpec> = O extends { readonly required: true } | { readonly default: string } | { readonly repeatable: true } ? true : false

/** The options object a command receives, typed from its declared options. */
export type OptionValues<Options extends readonly OptionSpec[]> = Flatten<
  { [O in Options[number] as AlwaysThere<O> extends true ? OptionKey<O['flags']> : never]: GivenValue<O> } & {
    [O in Options[number] as AlwaysThere<O> extends true ? never : OptionKey<O['flags']>]?: GivenValue<O>
  }
>

type Flatten<T> = { [K in keyof T]: T[K] }

/** The value of a positional argument: a list for `...`, else a word, possibly absent when `[optional]`. */
type ArgumentValue<A extends ArgumentSpec> = A['syntax'] extends `${string}...${string}` ? string[] : A['syntax'] extends `<${string}` ? string : string | undefined

/** The positional arguments a command receives, in order, typed from its declared arguments. */
export type ArgumentValues<Arguments extends readonly ArgumentSpec[]> = { -readonly [K in keyof Arguments]: ArgumentValue<Arguments[K]> }

/**
 * What a command's `run` receives, as commander's action does: each argument
 * in order, then the options, then the commander command.
 */
export type ActionValues<Arguments extends readonly ArgumentSpec[], Options extends readonly OptionSpec[]> = [...ArgumentValues<Arguments>, OptionValues<Options>, Command]

/** A command as data: what `keeling help` says about it and the function it runs. */
export interface CommandSpec<Arguments extends readonly ArgumentSpec[], Options extends readonly OptionSpec[]> {
  readonly name: string
  readonly description: string
  readonly arguments: Arguments
  readonly options: Options
  /** Command lines shown under "Example:" in its help, without the `$ `. */
  readonly examples: readonly string[]
  /** Run the command (importing its module only now, so `keeling --version` stays fast); resolves to the exit code. */
  readonly run: (values: ActionValues<Arguments, Options>, io: Io) => Promise<number>
}

/** A command or a group of commands (`keeling motion new`), with its declaration readable and its types kept inside. */
export interface CommandDefinition {
  readonly name: string
  readonly description: string
  readonly arguments: readonly ArgumentSpec[]
  readonly options: readonly OptionSpec[]
  readonly examples: readonly string[]
  readonly subcommands: readonly CommandDefinition[]
  /** Add this command (and its subcommands) to `parent`, reporting its exit code to `done`. */
  attach(parent: Command, io: Io, done: (code: number) => void): Command
}

/**
 * Declare a command. The argument and option lists are read as literal types
 * (`const` type parameters), so `run` receives exactly the values they
 * declare — `--format` as the union of its choices, `--inserted` as a list —
 * with no casts.
 */
export function defineCommand<const Arguments extends readonly ArgumentSpec[], const Options extends readonly OptionSpec[]>(
  spec: CommandSpec<Arguments, Options>
): CommandDefinition {
  return {
    name: spec.name,
    description: spec.description,
    arguments: spec.arguments,
    options: spec.options,
    examples: spec.examples,
    subcommands: [],
    attach(parent, io, done) {
      const command = describe(parent.command(spec.name), spec)
      // commander calls the action with the values it parsed by this same declaration.
      return command.action(async (...values: ActionValues<Arguments, Options>) => done(await spec.run(values, io)))
    }
  }
}

/** Declare a group of commands, `keeling NAME SUBCOMMAND`, that runs nothing itself. */
export function defineGroup(group: { name: string; description: string; subcommands: readonly CommandDefinition[] }): CommandDefinition {
  return {
    ...group,
    arguments: [],
    options: [],
    examples: [],
    attach(parent, io, done) {
      const command = parent.command(group.name).description(group.description)
      for (const subcommand of group.subcommands) subcommand.attach(command, io, done)
      return command
    }
  }
}

/** Give a commander command the description, arguments, options and examples declared for it. */
function describe(command: Command, spec: { description: string; arguments: readonly ArgumentSpec[]; options: readonly OptionSpec[]; examples: readonly string[] }): Command {
  command.description(spec.description)
  for (const argument of spec.arguments) command.argument(argument.syntax, argument.description)
  for (const option of spec.options) command.addOption(toOption(option))
  if (spec.examples.length > 0) command.addHelpText('after', examplesText(spec.examples))
  return command
}

/** An option's declaration as a commander option. */
function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description)
  if (spec.choices) option.choices(spec.choices)
  if (spec.default !== undefined) option.default(spec.default)
  if (spec.repeatable) option.default([]).argParser(collect)
  if (spec.required) option.makeOptionMandatory()
  return option
}

/** The help's examples: "Example:" or "Examples:", then each command line after `$ `. */
export function examplesText(examples: readonly string[]): string {
  return `\n${examples.length === 1 ? 'Example' : 'Examples'}:${examples.map((example) => `\n  $ ${example}`).join('')}`
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}
