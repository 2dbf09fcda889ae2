import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { EntryKind } from '../../core/types.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** A message as Stevedore sends it to Discord: embeds and buttons, rarely content. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: ButtonRow[];
}

/** The embed colours: answers blue, no answer grey, help green. */
export const COLOURS = { answer: 0x2f6fde, noAnswer: 0x8a8f98, help: 0x2f9e6b } as const;

/** What kind of entry an answer or a search hit is, in words. */
export const KIND_LABEL: Record<EntryKind, string> = {
  glossary: 'Glossary term',
  topic: 'Topic',
  command: 'Command',
};
