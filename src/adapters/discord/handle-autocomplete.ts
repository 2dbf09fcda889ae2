import type { AutocompleteInteraction, CommandInteractionOption } from 'discord.js';
import { suggestTerms } from '../../core/chat/reply-to-chat.js';
import type { AnswerEngine } from '../../core/types.js';
import { MAX_TIME_ZONE_LENGTH } from './command-definitions.js';
import { LIMITS, truncate } from './limits.js';
import { plainLabel } from './neutralise.js';

interface Focused {
  readonly name: string;
  /** What the user has typed so far ('' when the value is not a string). */
  readonly typed: string;
}

/** The focused option, looked for in subcommands too; undefined when none is focused. */
function focusedOption(options: readonly CommandInteractionOption[]): Focused | undefined {
  for (const option of options) {
    if (option.focused) {
      return { name: option.name, typed: typeof option.value === 'string' ? option.value : '' };
    }
    const nested = option.options ? focusedOption(option.options) : undefined;
    if (nested) return nested;
  }
  return undefined;
}

/** `/define term:` — the core's `suggest()` (prefix, then fuzzy; at most 25), valued by entry id. */
function termChoices(typed: string, engine: AnswerEngine): { name: string; value: string }[] {
  return suggestTerms(typed, engine)
    .filter((ref) => ref.id.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((ref) => ({
      name: truncate(plainLabel(ref.title), LIMITS.choiceName) || ref.id,
      value: ref.id,
    }));
}

let zones: readonly string[] | undefined;
/** Every IANA zone the runtime knows, and UTC (which `supportedValuesOf` leaves out). */
function allTimeZones(): readonly string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zones;
}

/**
 * `/termofday subscribe timezone:` — the IANA zones whose name starts with what was typed
 * (case-insensitive), then those whose city starts with it (`berl` → Europe/Berlin); at most 25.
 * With nothing typed, the configured default comes first.
 */
export function timeZoneChoices(
  typed: string,
  defaultTimeZone: string,
): { name: string; value: string }[] {
  const prefix = typed.trim().slice(0, MAX_TIME_ZONE_LENGTH).toLowerCase().replace(/ /g, '_');
  const all = allTimeZones();
  const byName = all.filter((zone) => zone.toLowerCase().startsWith(prefix));
  const byCity =
    prefix === ''
      ? []
      : all.filter(
          (zone) =>
            !zone.toLowerCase().startsWith(prefix) &&
            zone
              .toLowerCase()
              .split('/')
              .slice(1)
              .some((part) => part.startsWith(prefix)),
        );
  const first = prefix === '' ? [defaultTimeZone] : [];
  return [...new Set([...first, ...byName, ...byCity])]
    .slice(0, LIMITS.choices)
    .map((zone) => ({ name: zone, value: zone }));
}

/**
 * The choices for the focused option: `/define term:` and `/termofday subscribe timezone:`.
 * Synchronous and fast: autocomplete cannot be deferred, so it must be answered well inside
 * Discord's 3 s.
 */
export function autocompleteChoices(
  interaction: AutocompleteInteraction,
  engine: AnswerEngine,
  defaultTimeZone: string,
): { name: string; value: string }[] {
  const focused = focusedOption(interaction.options.data);
  if (!focused) return [];
  if (interaction.commandName === 'define' && focused.name === 'term') {
    return termChoices(focused.typed, engine);
  }
  if (interaction.commandName === 'termofday' && focused.name === 'timezone') {
    return timeZoneChoices(focused.typed, defaultTimeZone);
  }
  return [];
}

/** Answers an autocomplete interaction. Discord errors propagate to the caller, which logs them. */
export async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  engine: AnswerEngine,
  defaultTimeZone: string,
): Promise<void> {
  await interaction.respond(autocompleteChoices(interaction, engine, defaultTimeZone));
}
