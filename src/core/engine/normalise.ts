/**
 * Text normalisation shared by the index and the queries, so both sides agree on what a term is.
 */

/** Longest query the engine looks at; longer input is cut, never rejected. */
export const MAX_QUERY_LENGTH = 500;

/** Trims and bounds user input; the engine never sees more than `MAX_QUERY_LENGTH` characters. */
export function cleanQuery(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

/** At most this many content terms of one query are searched. */
const MAX_QUERY_TERMS = 24;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range includes them
const ASCII = /^[\u0000-\u007f]*$/;

// Unicode property classes are costly to compile (milliseconds, on every start), so ASCII text,
// nearly all of it, is matched with plain classes.
const NOT_WORD_ASCII = /[^a-z0-9]+/g;
const NOT_WORD_UNICODE = /[^\p{L}\p{N}]+/gu;
const WORD_ASCII = /[a-z0-9]+/g;
const WORD_UNICODE = /[\p{L}\p{N}]+/gu;

/** Lower case without accents, so `Ünïcode` and `unicode` are the same word. */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * The form a name is looked up by: folded, with everything but letters and digits removed, so
 * `kube-apiserver`, `Kube APIServer` and `kubeapiserver` are one key.
 */
export function normaliseKey(text: string): string {
  const folded = fold(text);
  return folded.replace(ASCII.test(folded) ? NOT_WORD_ASCII : NOT_WORD_UNICODE, '');
}

/** Splits text into folded words of letters and digits (`k8s`, `cgroup`, `v2`). */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  return folded.match(ASCII.test(folded) ? WORD_ASCII : WORD_UNICODE) ?? [];
}

/**
 * A light English plural stemmer: `pods` → `pod`, `policies` → `policy`. Deliberately crude; it
 * only has to send singular and plural to the same term, and to be stable when applied twice.
 */
export function stem(term: string): string {
  if (term.length <= 3 || /\d/.test(term)) return term;
  if (term.endsWith('ies') && term.length > 4) return `${term.slice(0, -3)}y`;
  if (/(?:ss|us|is|os)$/.test(term)) return term;
  if (term.endsWith('s')) return term.slice(0, -1);
  return term;
}

/**
 * Words that carry no subject matter in a question: "what is", "how do I", "tell me about".
 * Domain words (container, run, list, image…) are deliberately not here.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about all also am an and any are as at be been being but by can could define definition
   describe detail details did do does doing don each else explain explained for from get give got
   had has have having he her here hi hey his how i i'm if im in into is it its it's just know let
   lets like me mean meaning means more my need of on or our please s she should show so some
   someone something t tell than thank thanks that thats the their them then there these they
   this those to us want was we were what whats when where which who whom why will with would you
   your yours`.split(/\s+/),
);

/** The searchable terms of a query: tokenised, without stop words, stemmed, unique, bounded. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text.slice(0, MAX_QUERY_LENGTH))) {
    if (STOP_WORDS.has(token)) continue;
    const term = stem(token);
    if (!terms.includes(term)) terms.push(term);
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  return terms;
}

/** What kind of answer a question wants. */
export type Intent = 'how_to' | 'definition' | 'fact' | 'neutral';

const HOW_TO =
  /^(?:how\s+(?:(?:do|can|could|should|would|might|shall)\s+(?:i|we|you|u|one)|to)\b|how\s+i\b|what(?:'s|\s+is)?\s+the\s+(?:command|syntax|way)\b|which\s+command\b|command\s+(?:to|for)\b|steps?\s+to\b|show\s+me\s+how\b|(?:i\s+)?(?:want|need)\s+to\b|create|list|run|pull|push|start|stop|remove|delete|exec|execute|build|launch|install|deploy|inspect|restart|attach|update|upgrade|show)\b/;
const DEFINITION =
  /^(?:what(?:'s|\s+is|\s+are|\s+was|\s+were|s)?\b|define\b|definition\b|meaning\b|explain\b|describe\b|tell\s+me\s+about\b|who\s+(?:is|are|was|made|created|developed)\b|why\s+(?:is|are|does|do)\b)/;

/**
 * A yes/no or wh- question about how things are ("can a pod have more than one container?",
 * "where does kubernetes store its configuration?", "do i still need docker on my nodes?"): it
 * asks for an explanation, so a concept fits it better than a command card whose text happens to
 * use the same words. "How do I …", "how to …" and "which command …" are how-to and matched
 * first; "how does kube-proxy work", "how do labels work" ask how things are.
 */
const FACT =
  /^(?:how|can|could|do|does|did|is|are|was|were|where|when|why|who|whose|which|should|will|would|has|have)\b/;

/**
 * A comparison ("crun vs runc", "liveness versus readiness probe", "replicaset or deployment,
 * which…", "the difference between a tag and a digest") asks how two things are, wherever its
 * words stand, so it reads as a fact question unless it opens as a how-to.
 */
const COMPARISON = /\b(?:vs|versus|difference\s+between|compared?\s+(?:to|with))\b/;

/** Reads the intent off the opening words of a question. */
export function detectIntent(question: string): Intent {
  const text = fold(question)
    .trim()
    // "with podman, attach…", "helm: roll back…": a tool named up front is not the question.
    .replace(
      /^(?:(?:with|using|in|on|for)\s+)?[\p{L}\p{N}.'-]+(?:\s+[\p{L}\p{N}.'-]+)?\s*[,:]\s+/u,
      '',
    )
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .trim();
  const opening = text.replace(/^(?:hey|hi|hello|please|so|ok|okay)\b[\s,]*/u, '');
  if (HOW_TO.test(opening)) return 'how_to';
  if (DEFINITION.test(opening)) return 'definition';
  if (COMPARISON.test(opening)) return 'fact';
  if (FACT.test(opening)) return 'fact';
  return 'neutral';
}
