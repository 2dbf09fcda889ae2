import {
  type APIApplicationCommand,
  REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from 'discord.js';
import type { DiscordConfig } from '../../config/read-config.js';
import { COMMANDS } from './command-definitions.js';

export type CommandChange = 'created' | 'updated' | 'unchanged' | 'deleted';

/** What a registration did, command by command. */
export interface Registration {
  /** `global`, or the id of the server the commands were registered in. */
  readonly scope: 'global' | { readonly guildId: string };
  readonly changes: readonly { readonly name: string; readonly change: CommandChange }[];
}

type CommandBody = RESTPostAPIChatInputApplicationCommandsJSONBody;

interface OptionShape {
  readonly type: number;
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly autocomplete?: boolean;
  readonly min_length?: number;
  readonly max_length?: number;
  readonly options?: readonly OptionShape[];
}

/** An option with Discord's defaults filled in; subcommands' own options included. */
function optionFingerprint(o: OptionShape): unknown {
  return {
    type: o.type,
    name: o.name,
    description: o.description,
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    options: (o.options ?? []).map(optionFingerprint),
  };
}

/** The parts of a command Discord compares, with its defaults filled in, as one string. */
function fingerprint(command: CommandBody | APIApplicationCommand): string {
  // Every option type carries the fields of OptionShape or lacks them (read as absent).
  const options = (command.options ?? []).map((option) => optionFingerprint(option as OptionShape));
  return JSON.stringify({
    type: command.type ?? 1,
    name: command.name,
    description: command.description,
    options,
    default_member_permissions: command.default_member_permissions ?? null,
    contexts: [...(command.contexts ?? [])].sort(),
    integration_types: [...(command.integration_types ?? [])].sort(),
  });
}

/** Compares the commands registered before with the ones about to be sent. */
export function diffCommands(
  before: readonly (CommandBody | APIApplicationCommand)[],
  after: readonly CommandBody[],
): Registration['changes'] {
  const old = new Map(before.map((command) => [command.name, command]));
  const changes: { name: string; change: CommandChange }[] = after.map((command) => {
    const previous = old.get(command.name);
    const change: CommandChange =
      previous === undefined
        ? 'created'
        : fingerprint(previous) === fingerprint(command)
          ? 'unchanged'
          : 'updated';
    return { name: command.name, change };
  });
  for (const command of before) {
    if (!after.some((c) => c.name === command.name)) {
      changes.push({ name: command.name, change: 'deleted' });
    }
  }
  return changes;
}

/**
 * `stevedore discord register`: replaces the application's commands with Stevedore's in one bulk
 * overwrite (idempotent: running it twice changes nothing), in `DISCORD_GUILD_ID` when set —
 * instant, for development — or globally. Reads the current commands first to report the changes.
 */
export async function registerCommands(
  config: DiscordConfig,
  commands: readonly CommandBody[] = COMMANDS,
): Promise<Registration> {
  const rest = new REST({ api: config.apiUrl, retries: 1 }).setToken(config.token);
  const route =
    config.guildId === undefined
      ? Routes.applicationCommands(config.applicationId)
      : Routes.applicationGuildCommands(config.applicationId, config.guildId);
  const before = (await rest.get(route)) as APIApplicationCommand[]; // the documented response
  await rest.put(route, { body: commands });
  return {
    scope: config.guildId === undefined ? 'global' : { guildId: config.guildId },
    changes: diffCommands(before, commands),
  };
}

const MARK: Record<CommandChange, string> = {
  created: '+',
  updated: '~',
  unchanged: '=',
  deleted: '-',
};

/** The report printed by `stevedore discord register`. */
export function formatRegistration(registration: Registration): string {
  const where =
    registration.scope === 'global'
      ? 'globally (new commands can take up to an hour to appear everywhere)'
      : `in server ${registration.scope.guildId} (changes are visible at once)`;
  const changed = registration.changes.filter((c) => c.change !== 'unchanged').length;
  const lines = [
    `Registered ${registration.changes.filter((c) => c.change !== 'deleted').length} Discord commands ${where}.`,
    ...registration.changes.map((c) => `  ${MARK[c.change]} /${c.name} ${c.change}`),
    changed === 0 ? 'Nothing changed.' : `${changed} change${changed === 1 ? '' : 's'}.`,
  ];
  return lines.join('\n');
}
