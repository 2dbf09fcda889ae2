import type { SearchHit } from '../../core/types.js';
import { COLOURS, type DiscordMessage, KIND_LABEL } from './discord-message.js';
import { kbText } from './embed-text.js';
import { LIMITS, truncate } from './limits.js';
import { userText } from './neutralise.js';
import { buttonRows, defineButtons } from './render-buttons.js';

/** Search results (`@Stevedore search <query>`): a numbered list, the top hits as buttons. */
export function renderSearch(query: string, hits: readonly SearchHit[]): DiscordMessage {
  const title = truncate(userText(`Search: ${query}`), LIMITS.embedTitle);
  if (hits.length === 0) {
    return {
      embeds: [
        {
          title,
          description: 'Nothing found. Try a shorter query or another spelling.',
          color: COLOURS.noAnswer,
        },
      ],
      components: [],
    };
  }
  const lines = hits.map(
    (hit, i) =>
      `${i + 1}. **${userText(hit.title)}** (${KIND_LABEL[hit.kind].toLowerCase()}) — ${kbText(hit.summary)}`,
  );
  return {
    embeds: [
      {
        title,
        description: truncate(lines.join('\n'), LIMITS.embedDescription),
        color: COLOURS.answer,
      },
    ],
    components: buttonRows(defineButtons(hits)),
  };
}
