/**
 * The domain of Stevedore's core: knowledge entries, their sources, and the answers built from
 * them. Nothing here knows about Slack, Discord or the terminal; adapters render these values.
 */

/** The three kinds of knowledge entry, one folder each under `knowledge/`. */
export type EntryKind = 'glossary' | 'topic' | 'command';

/** A publication an entry's facts come from, as listed in `knowledge/sources.yaml`. */
export interface Source {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  /** Absolute http(s) address; absent when the original has none that works (shown unlinked). */
  readonly url?: string;
  /** True when the page is known to be gone (e.g. Katacoda closed in 2022). Never a sole citation. */
  readonly gone: boolean;
  /** Why the source looks the way it does (no link, gone, replaced): for reviewers. */
  readonly note?: string;
}

/**
 * A command-line tool questions name ("with podman, …", "kubectl …"), as listed in
 * `knowledge/tools.yaml`. When a question names a tool, a command answer must be that tool's.
 */
export interface Tool {
  readonly id: string;
  /** How the tool is called in prose: `Podman`, `LXD's lxc client`. */
  readonly name: string;
  /**
   * The words that name the tool in a question, lower case: `podman`, `docker compose`, `k8s`.
   * A spelling ending in `-*` names the tool as a prefix of a word (`lxc-*` for `lxc-attach`).
   */
  readonly spellings: readonly string[];
  /**
   * Words that suggest the tool only when no tool is named outright: "kubernetes" implies
   * kubectl, unless the question names helm or kind.
   */
  readonly impliedBy: readonly string[];
  /** A tool whose questions may also be answered by this tool's cards (docker → docker compose). */
  readonly parent?: string;
}

/** A flag or option of a command worth knowing. */
export interface CommandFlag {
  readonly flag: string;
  readonly description: string;
}

interface EntryBase {
  readonly id: string;
  readonly title: string;
  /** Abbreviations and alternate spellings people type: `k8s`, `CSI`, `gMSA`. */
  readonly aliases: readonly string[];
  readonly tags: readonly string[];
  /** Ids of entries worth reading next. */
  readonly related: readonly string[];
  /** Ids of sources in the registry, most authoritative first. */
  readonly sources: readonly string[];
  /** The tool the entry is about (an id of `knowledge/tools.yaml`); every command has one. */
  readonly tool?: string;
  /**
   * What the entry does, in the words people use ("go back to the previous release"), indexed
   * as strongly as names.
   */
  readonly tasks: readonly string[];
  /** One sentence: the definition of a term, the gist of a topic, what a command does. */
  readonly summary: string;
  /** Markdown detail after the summary. */
  readonly body: string;
  /** Where the entry was read from, relative to the knowledge directory (for messages). */
  readonly file: string;
}

/** A term with a crisp one-sentence definition (`summary`) and a longer explanation (`body`). */
export interface GlossaryTerm extends EntryBase {
  readonly kind: 'glossary';
}

/** A subject that takes a few paragraphs: a history, an architecture, a comparison. */
export interface Topic extends EntryBase {
  readonly kind: 'topic';
}

/** A command line: its syntax, what it does, a worked example and the flags that matter. */
export interface CommandEntry extends EntryBase {
  readonly kind: 'command';
  readonly tool: string;
  /** The syntax, with placeholders in angle brackets: `podman pod create --name <name>`. */
  readonly command: string;
  /** A real invocation that works as written. */
  readonly example: string;
  readonly flags: readonly CommandFlag[];
}

export type Entry = GlossaryTerm | Topic | CommandEntry;

/** The whole, validated knowledge base. */
export interface KnowledgeBase {
  readonly entries: readonly Entry[];
  readonly sources: ReadonlyMap<string, Source>;
  readonly tools: ReadonlyMap<string, Tool>;
  /**
   * Every command of the tools, as the reference lists name them (`kubectl rollout pause`): what
   * tells a subcommand typed after a command from an argument. Empty without `reference/`.
   */
  readonly commandNames: readonly string[];
}

/** A numbered reference in an answer: `[1] Pods — Kubernetes Documentation`. */
export interface Citation {
  readonly n: number;
  readonly title: string;
  readonly publisher: string;
  /** Absolute http(s) link, or null when the source has no working address. */
  readonly url: string | null;
}

/** A pointer to another entry (related terms, "did you mean" suggestions). */
export interface EntryRef {
  readonly id: string;
  readonly title: string;
  readonly kind: EntryKind;
}

/** A command shown in an answer (its syntax or an example), with what it is: "Syntax", "Example". */
export interface AnswerCommandLine {
  readonly command: string;
  readonly description: string;
}

/** Why no answer was given. */
export type NoAnswerReason =
  /** The query was empty or only whitespace and punctuation. */
  | 'empty'
  /** Nothing in the knowledge base matched well enough; suggestions may hold near misses. */
  | 'not_found'
  /** One card nearly fits: it is offered first among the suggestions rather than answered. */
  | 'unsure';

/** A confident answer built from one knowledge entry. */
export interface FoundAnswer {
  readonly kind: 'answer';
  /** The query as the user typed it (trimmed, length-limited). */
  readonly query: string;
  readonly entry: EntryRef;
  readonly title: string;
  /** Markdown: the summary first, then detail. */
  readonly text: string;
  readonly commands: readonly AnswerCommandLine[];
  readonly related: readonly EntryRef[];
  readonly citations: readonly Citation[];
  /** Always empty for an answer; present so both variants share one JSON shape. */
  readonly suggestions: readonly EntryRef[];
  /** The engine's estimate, from 0 to 1, that this is the right card (calibrated; see docs/design.md). */
  readonly score: number;
}

/** The engine does not know: says so, with the nearest terms and a hint of what it can answer. */
export interface NoAnswer {
  readonly kind: 'no_answer';
  readonly query: string;
  readonly reason: NoAnswerReason;
  readonly title: string;
  /** Markdown: what went wrong and what the bot can answer. */
  readonly text: string;
  readonly commands: readonly [];
  readonly related: readonly [];
  readonly citations: readonly [];
  /** Nearest terms ("did you mean"), best first; may be empty. */
  readonly suggestions: readonly EntryRef[];
  readonly score: 0;
}

export type Answer = FoundAnswer | NoAnswer;

/** One ranked search result. */
export interface SearchHit extends EntryRef {
  readonly summary: string;
  readonly score: number;
}

/** The platform-neutral question-answering API every adapter calls. */
export interface AnswerEngine {
  /** The definition card of a term, by title, alias or a close misspelling. */
  define(term: string): Answer;
  /** The best answer to a free-form question. */
  ask(question: string): Answer;
  /** Ranked entries for a query, at most `limit`. */
  search(query: string, limit?: number): readonly SearchHit[];
  /** Autocomplete: up to 25 entries whose title or alias starts with, or nearly matches, `prefix`. */
  suggest(prefix: string): readonly EntryRef[];
  /** The glossary term of a calendar date (`YYYY-MM-DD`, the same term everywhere). */
  termOfDay(date: string): FoundAnswer;
  /** Builds the search indexes now rather than on the first question (for long-running bots). */
  warm(): void;
  /** Number of indexed entries, by kind. */
  readonly size: Readonly<Record<EntryKind, number>>;
}
