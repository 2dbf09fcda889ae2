import {
  type APIMessageTopLevelComponent,
  type ButtonInteraction,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import { replyToChat } from '../../core/chat/reply-to-chat.js';
import type { Logger } from '../../logging/create-logger.js';
import { type AnswerOptions, answerInteraction } from './answer-interaction.js';
import { parseCustomId, SHARE_ID } from './custom-ids.js';
import type { DiscordMessage } from './discord-message.js';
import { type DiscordHandlerDeps, interactionOrigin } from './handler-deps.js';
import { renderNote } from './render-note.js';
import { renderChatReply } from './render-reply.js';

/**
 * The clicked message's buttons without the Share button: what a shared copy carries (link
 * buttons, feedback, "did you mean").
 */
function componentsWithoutShare(interaction: ButtonInteraction): DiscordMessage['components'] {
  const rows: DiscordMessage['components'] = [];
  for (const component of interaction.message.components) {
    const json: APIMessageTopLevelComponent = component.toJSON();
    if (json.type !== ComponentType.ActionRow) continue;
    const buttons = json.components.filter(
      (c) => c.type === ComponentType.Button && !('custom_id' in c && c.custom_id === SHARE_ID),
    );
    // Only buttons were kept by the filter above, so the row is a row of buttons.
    if (buttons.length > 0) rows.push({ ...json, components: buttons } as (typeof rows)[number]);
  }
  return rows;
}

/** The public copy of an ephemeral answer, saying who shared it (the mention does not ping). */
function sharedCopy(interaction: ButtonInteraction): DiscordMessage | undefined {
  const embeds = interaction.message.embeds.map((embed) => embed.toJSON());
  if (embeds.length === 0) return undefined;
  return {
    content: `Shared by <@${interaction.user.id}>`,
    embeds,
    components: componentsWithoutShare(interaction),
  };
}

/**
 * Button clicks: Share (post the ephemeral answer publicly), a "did you mean" term (answer it), or
 * 👍/👎 (hand the feedback to the core's sink). A button Stevedore does not know — an old version's
 * or a forged one — gets a polite note. Discord errors propagate to the caller, which logs them.
 */
export async function handleButton(
  interaction: ButtonInteraction,
  deps: DiscordHandlerDeps,
  logger: Logger,
): Promise<void> {
  const timing = deps.deferAfterMs === undefined ? {} : { deferAfterMs: deps.deferAfterMs };
  const ephemeralReply: AnswerOptions = { mode: 'reply', ephemeral: true, ...timing };
  const action = parseCustomId(interaction.customId);

  if (!action) {
    logger.warn({ customId: interaction.customId.slice(0, 100) }, 'unknown button');
    await answerInteraction(
      interaction,
      () => renderNote('This button no longer works. Ask again with /define or /ask.'),
      ephemeralReply,
    );
    return;
  }

  switch (action.kind) {
    case 'share': {
      const copy = sharedCopy(interaction);
      await answerInteraction(
        interaction,
        () => copy ?? renderNote('There is nothing to share in this message.'),
        { mode: 'reply', ephemeral: copy === undefined, ...timing },
      );
      logger.info({ shared: copy !== undefined }, 'share');
      return;
    }
    case 'define': {
      const reply = replyToChat(
        { kind: 'define', term: action.entryId },
        interactionOrigin(interaction),
        deps.now(),
        deps.chat,
      );
      const wasEphemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
      // An ephemeral "no answer" is replaced by the answer; under a public message, the answer is
      // shown to the one who clicked, who may share it.
      await answerInteraction(
        interaction,
        () => renderChatReply(reply, { privateToAsker: true }),
        wasEphemeral ? { mode: 'update', ephemeral: true, ...timing } : ephemeralReply,
      );
      return;
    }
    case 'feedback': {
      try {
        deps.recordFeedback({
          platform: 'discord',
          ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
          channelId: interaction.channelId,
          userId: interaction.user.id,
          entryId: action.entryId,
          query: action.query,
          helpful: action.helpful,
          at: new Date(),
        });
      } catch (error) {
        logger.error({ err: error }, 'recording feedback failed');
      }
      await answerInteraction(
        interaction,
        () =>
          renderNote(
            action.helpful
              ? 'Thanks for the feedback!'
              : 'Thanks for the feedback — we will use it to improve the answers.',
          ),
        ephemeralReply,
      );
      return;
    }
  }
}
