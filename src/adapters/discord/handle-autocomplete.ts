import type { AutocompleteInteraction } from 'discord.js';
import type { AnswerEngine } from '../../core/types.js';
import { MAX_TERM_LENGTH } from './command-definitions.js';
import { LIMITS, truncate } from './limits.js';
import { plainLabel } from './neutralise.js';

/** What the user has typed so far in the focused option; undefined when no option is focused. */
function focusedText(interaction: AutocompleteInteraction): string | undefined {
  const focused = interaction.options.data.find((option) => option.focused);
  if (!focused) return undefined;
  return typeof focused.value === 'string' ? focused.value.slice(0, MAX_TERM_LENGTH) : '';
}

/**
 * The choices for `/define term:` — the core's `suggest()` (prefix, then fuzzy; at most 25). The
 * value is the entry id, which `define` finds exactly. Synchronous and fast: autocomplete cannot be
 * deferred, so it must be answered well inside Discord's 3 s.
 */
export function autocompleteChoices(
  interaction: AutocompleteInteraction,
  engine: AnswerEngine,
): { name: string; value: string }[] {
  const typed = focusedText(interaction);
  if (interaction.commandName !== 'define' || typed === undefined) return [];
  return engine
    .suggest(typed)
    .filter((ref) => ref.id.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((ref) => ({
      name: truncate(plainLabel(ref.title), LIMITS.choiceName) || ref.id,
      value: ref.id,
    }));
}

/** Answers an autocomplete interaction. Discord errors propagate to the caller, which logs them. */
export async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  engine: AnswerEngine,
): Promise<void> {
  await interaction.respond(autocompleteChoices(interaction, engine));
}
