/**
 * What a chat message asks for, the same on every platform: `help`, `define krypton`,
 * `/ask how do I…`, or just a question. Adapters strip their own mention syntax first; slash
 * commands and buttons build a request directly. `replyToChat` answers it.
 */
export type ChatRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'define'; readonly term: string }
  | { readonly kind: 'ask'; readonly question: string }
  | { readonly kind: 'search'; readonly query: string }
  | { readonly kind: 'today' }
  /** `termofday <subcommand>` in a message: subscriptions are managed with the slash command. */
  | { readonly kind: 'termofday'; readonly args: string };

const VERBS = /^\/?(define|def|ask|search|today|termofday|help)\b[\s:,-]*/i;

/** Reads a chat message as a request; anything that is not a known verb is a question. */
export function interpretMessage(text: string): ChatRequest {
  const trimmed = text.trim();
  if (trimmed === '' || /^[?!.\s]+$/.test(trimmed)) return { kind: 'help' };
  const match = VERBS.exec(trimmed);
  if (!match) return { kind: 'ask', question: trimmed };
  const verb = (match[1] ?? '').toLowerCase();
  const rest = trimmed.slice(match[0].length).trim();
  switch (verb) {
    case 'help':
      // "help me with pods" is a question, a bare "help" is not.
      return rest ? { kind: 'ask', question: trimmed } : { kind: 'help' };
    case 'today':
      return rest ? { kind: 'ask', question: trimmed } : { kind: 'today' };
    case 'define':
    case 'def':
      return { kind: 'define', term: rest };
    case 'termofday':
      // The same words as `/termofday now` (and its alias `today`) show today's term.
      return rest === '' || /^(?:now|today)$/i.test(rest)
        ? { kind: 'today' }
        : { kind: 'termofday', args: rest };
    case 'search':
      return { kind: 'search', query: rest };
    default:
      return { kind: 'ask', question: rest };
  }
}

/** The help text every platform shows, in Markdown; it fits one screen. */
export const HELP_MARKDOWN = `**Stevedore** answers questions about containers: Linux containers (LXC, LXD, LXCFS), Windows containers and their isolation types, Kubernetes and its components, Podman and Docker. Every answer cites its sources.

- \`/define <term>\` — a definition card, e.g. \`/define Krypton\`
- \`/ask <question>\` — an answer with commands and sources, e.g. \`/ask how do I create a pod with podman?\`
- Mention me with a question, or write to me directly.
- \`/termofday now\` — today's term of the day.

Not sure of the spelling? Type what you remember: I suggest the nearest terms.`;
