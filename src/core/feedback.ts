import type { Platform } from './platform.js';

/** A 👍 or 👎 on an answer, from a chat platform (the shell has no feedback buttons). */
export interface Feedback {
  readonly platform: Platform;
  /** Workspace (Slack team) or server (Discord guild) id; absent in direct messages. */
  readonly workspaceId?: string;
  readonly channelId: string;
  readonly userId: string;
  /** The entry the answer was built from; null when the bot had no answer. */
  readonly entryId: string | null;
  readonly query: string;
  readonly helpful: boolean;
  readonly at: Date;
}

/** Where adapters hand feedback; the store records it. */
export type RecordFeedback = (feedback: Feedback) => void;
