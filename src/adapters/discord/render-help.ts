import { HELP_MARKDOWN } from '../../core/chat/interpret-message.js';
import { COLOURS, type DiscordMessage } from './discord-message.js';
import { LIMITS, truncate } from './limits.js';

/** `/help`: the core's help text, one embed that fits one screen. */
export function renderHelp(): DiscordMessage {
  return {
    embeds: [
      {
        title: 'Stevedore',
        description: truncate(HELP_MARKDOWN, LIMITS.embedDescription),
        color: COLOURS.help,
      },
    ],
    components: [],
  };
}
