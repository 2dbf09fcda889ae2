import * as v from 'valibot';

/**
 * The shape of knowledge files. Front matter is strict: an unknown field is almost always a typo
 * (`alias:` for `aliases:`), so it is reported rather than ignored.
 */

/**
 * The message of an unknown field; `schemaProblems` replaces it with one that names the nearest
 * known field.
 */
export const UNKNOWN_FIELD = 'is not a known field';

/**
 * An object that rejects unknown fields, each one reported (valibot's `strictObject` stops at
 * the first, and one run of `stevedore validate` should list everything to fix).
 */
const strict = <const E extends v.ObjectEntries>(entries: E) =>
  v.objectWithRest(entries, v.never(UNKNOWN_FIELD));

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const id = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, 'must be lower-case words joined by hyphens, like "kube-apiserver"'),
);

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

const oneSentence = v.pipe(
  nonEmpty,
  v.maxLength(400, 'must be one short sentence (at most 400 characters); put detail in the body'),
);

const uniqueList = <T extends v.GenericSchema<unknown, string>>(item: T) =>
  v.pipe(
    v.array(item),
    v.check((list) => new Set(list).size === list.length, 'must not repeat an item'),
  );

/** An optional list that is empty when left out (a fresh array each time). */
const listOrEmpty = <T extends v.GenericSchema<unknown, readonly unknown[]>>(list: T) =>
  v.optional(list, () => []);

const commonFields = {
  id,
  title: nonEmpty,
  aliases: listOrEmpty(uniqueList(nonEmpty)),
  tags: listOrEmpty(
    uniqueList(v.pipe(v.string(), v.regex(ID_PATTERN, 'a tag is a lower-case word like "kubernetes"'))),
  ),
  related: listOrEmpty(uniqueList(id)),
  sources: v.pipe(
    uniqueList(nonEmpty),
    v.minLength(1, 'must cite at least one source from knowledge/sources.yaml'),
  ),
  summary: oneSentence,
  tool: v.optional(id),
  tasks: listOrEmpty(
    uniqueList(
      v.pipe(nonEmpty, v.maxLength(120, 'must be a short task phrase (at most 120 characters)')),
    ),
  ),
};

export const glossaryFrontMatter = strict({ ...commonFields, kind: v.literal('glossary') });

export const topicFrontMatter = strict({ ...commonFields, kind: v.literal('topic') });

export const commandFrontMatter = strict({
  ...commonFields,
  kind: v.literal('command'),
  tool: id,
  command: nonEmpty,
  example: nonEmpty,
  flags: listOrEmpty(v.array(strict({ flag: nonEmpty, description: nonEmpty }))),
});

export const frontMatter = v.variant(
  'kind',
  [glossaryFrontMatter, topicFrontMatter, commandFrontMatter],
  'must be glossary, topic or command, and match the folder the file is in',
);

export type FrontMatter = v.InferOutput<typeof frontMatter>;

const absoluteHttpUrl = v.pipe(
  v.string(),
  v.trim(),
  v.check((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL such as "https://kubernetes.io/docs/concepts/"; leave it out when there is none'),
);

export const sourceRecord = strict({
  id: nonEmpty,
  title: nonEmpty,
  publisher: nonEmpty,
  url: v.optional(absoluteHttpUrl),
  gone: v.optional(v.boolean(), false),
  note: v.optional(nonEmpty),
});

export type SourceRecord = v.InferOutput<typeof sourceRecord>;

const spelling = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.regex(
    /^[a-z0-9][a-z0-9 .'-]*(?:-\*)?$/,
    'must be lower-case words as people type them, like "docker compose" or "lxc-*"',
  ),
);

export const toolRecord = strict({
  id,
  name: nonEmpty,
  spellings: v.pipe(
    uniqueList(spelling),
    v.minLength(1, 'must list at least one spelling that names the tool'),
  ),
  implied_by: listOrEmpty(uniqueList(spelling)),
  parent: v.optional(id),
});
