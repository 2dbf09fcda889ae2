import type { DiscordMessage } from './discord-message.js';
import { LIMITS, truncate } from './limits.js';
import { neutraliseMentions } from './neutralise.js';

/** A short plain note (usage, notices, errors, acknowledgements), shown to one user. */
export function renderNote(text: string): DiscordMessage {
  return {
    content: truncate(neutraliseMentions(text), LIMITS.content),
    embeds: [],
    components: [],
  };
}
