import type {
  AnswerCommandLine,
  Citation,
  Entry,
  EntryRef,
  FoundAnswer,
  NoAnswer,
  NoAnswerReason,
  Source,
} from '../types.js';

/** A pointer to an entry, as used for related terms and suggestions. */
export function refOf(entry: Entry): EntryRef {
  return { id: entry.id, title: entry.title, kind: entry.kind };
}

/** Numbered citations in the entry's order. Gone sources stay credited but are never linked. */
export function citationsOf(entry: Entry, sources: ReadonlyMap<string, Source>): Citation[] {
  const citations: Citation[] = [];
  for (const id of entry.sources) {
    const source = sources.get(id);
    if (!source) continue;
    citations.push({
      n: citations.length + 1,
      title: source.gone ? `${source.title} (no longer online)` : source.title,
      publisher: source.publisher,
      url: source.url && !source.gone ? source.url : null,
    });
  }
  return citations;
}

function commandsOf(entry: Entry): AnswerCommandLine[] {
  if (entry.kind !== 'command') return [];
  const lines: AnswerCommandLine[] = [{ command: entry.example, description: 'Example' }];
  if (entry.command !== entry.example) {
    lines.unshift({ command: entry.command, description: 'Syntax' });
  }
  return lines;
}

function textOf(entry: Entry): string {
  const parts = [entry.summary, entry.body];
  if (entry.kind === 'command' && entry.flags.length > 0) {
    parts.push(
      `**Flags that matter**\n${entry.flags.map((f) => `- \`${f.flag}\` — ${f.description}`).join('\n')}`,
    );
  }
  return parts.join('\n\n');
}

/** The answer card for one entry. */
export function answerFor(
  entry: Entry,
  query: string,
  score: number,
  sources: ReadonlyMap<string, Source>,
  refById: (id: string) => EntryRef | undefined,
): FoundAnswer {
  const related: EntryRef[] = [];
  for (const id of entry.related) {
    const other = refById(id);
    if (other) related.push(other);
  }
  return {
    kind: 'answer',
    query,
    entry: refOf(entry),
    title: entry.title,
    text: textOf(entry),
    commands: commandsOf(entry),
    related,
    citations: citationsOf(entry, sources),
    suggestions: [],
    score: Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000,
  };
}

/** What the bot can answer, shown whenever it cannot. */
export const CAPABILITIES_HINT =
  'I answer questions about containers: Linux containers (LXC, LXD, Incus, LXCFS), Windows containers and their isolation types, Kubernetes and its tools, Docker and Podman. Try a term such as `pod`, `Krypton` or `kubelet`, or ask "how do I create a pod with podman?"';

/** A polite "I don't know" with the nearest terms. */
export function noAnswer(
  query: string,
  reason: NoAnswerReason,
  suggestions: readonly EntryRef[],
): NoAnswer {
  const lead =
    reason === 'empty'
      ? 'Ask me a question or give me a term to define.'
      : reason === 'unsure' && suggestions[0]
        ? `I'm not sure I have the right card for that. Did you mean *${suggestions[0].title}*?`
        : suggestions.length > 0
          ? "I don't have an answer for that. Did you mean one of these?"
          : "I don't have an answer for that.";
  return {
    kind: 'no_answer',
    query,
    reason,
    title: reason === 'empty' ? 'Nothing to look up' : 'No answer',
    text: `${lead}\n\n${CAPABILITIES_HINT}`,
    commands: [],
    related: [],
    citations: [],
    suggestions,
    score: 0,
  };
}
