import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  MessageFlags,
} from 'discord.js';
import type { DiscordMessage } from './discord-message.js';

/** Discord drops an interaction that is not answered (or deferred) within 3 seconds. */
export const INTERACTION_DEADLINE_MS = 3000;
/**
 * When this much of the deadline is used up — by gateway lag or slow work — the interaction is
 * deferred first (the cheapest call Discord accepts) and the answer edited in afterwards.
 */
export const DEFER_AFTER_MS = 1500;

/** Nobody may be pinged by anything Stevedore sends. */
export const NO_PINGS = { parse: [] } as const;

type Work = () => DiscordMessage | Promise<DiscordMessage>;

export interface AnswerOptions {
  /** `reply`: a new message (ephemeral or not); `update`: replace the clicked message. */
  readonly mode: 'reply' | 'update';
  readonly ephemeral: boolean;
  /** Overrides `DEFER_AFTER_MS` (tests). */
  readonly deferAfterMs?: number;
  /** The clock (tests). */
  readonly now?: () => number;
}

export type AnswerOutcome = 'replied' | 'deferred';

/** Resolves with `'timeout'` after `ms`, unless cancelled first. */
function timeout(ms: number): { promise: Promise<'timeout'>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * Answers an interaction within Discord's 3 s: directly when the work is done in time, otherwise
 * deferred first and edited once the work completes. The budget counts from the interaction's
 * creation (its snowflake), so time lost on the way to the bot is counted too. Discord errors
 * propagate to the caller, which logs them.
 */
export async function answerInteraction(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  work: Work,
  options: AnswerOptions,
): Promise<AnswerOutcome> {
  const now = options.now ?? Date.now;
  const budget = (options.deferAfterMs ?? DEFER_AFTER_MS) - (now() - interaction.createdTimestamp);
  const pending = Promise.resolve().then(work);
  // If deferring fails below, `pending` is never awaited: keep its failure from going unhandled.
  pending.catch(() => {});
  let first: DiscordMessage | 'timeout' = 'timeout';
  if (budget > 0) {
    const timer = timeout(budget);
    try {
      first = await Promise.race([pending, timer.promise]);
    } finally {
      timer.cancel();
    }
  }

  if (first !== 'timeout') {
    if (options.mode === 'update' && interaction.isButton()) {
      await interaction.update(replacementOptions(first));
    } else {
      await interaction.reply(replyOptions(first, options.ephemeral));
    }
    return 'replied';
  }

  if (options.mode === 'update' && interaction.isButton()) await interaction.deferUpdate();
  else {
    await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }
  await interaction.editReply(replacementOptions(await pending));
  return 'deferred';
}

export function replyOptions(message: DiscordMessage, ephemeral: boolean): InteractionReplyOptions {
  return {
    ...(message.content === undefined ? {} : { content: message.content }),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_PINGS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** The whole message, for replacing one: a clicked message (update) or a deferred reply (edit). */
function replacementOptions(
  message: DiscordMessage,
): InteractionUpdateOptions & InteractionEditReplyOptions {
  return {
    content: message.content ?? null,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_PINGS,
  };
}
