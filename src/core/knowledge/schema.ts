import { z } from 'zod';

/**
 * The shape of knowledge files. Front matter is strict: an unknown field is almost always a typo
 * (`alias:` for `aliases:`), so it is reported rather than ignored.
 */

const id = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be lower-case words joined by hyphens, like "kube-apiserver"',
  );

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const oneSentence = nonEmpty.max(
  400,
  'must be one short sentence (at most 400 characters); put detail in the body',
);

const uniqueList = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).refine((list) => new Set(list).size === list.length, 'must not repeat an item');

const commonFields = {
  id,
  title: nonEmpty,
  aliases: uniqueList(nonEmpty).default([]),
  tags: uniqueList(
    z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a tag is a lower-case word like "kubernetes"'),
  ).default([]),
  related: uniqueList(id).default([]),
  sources: uniqueList(nonEmpty).min(1, 'must cite at least one source from knowledge/sources.yaml'),
  summary: oneSentence,
  tool: id.optional(),
  tasks: uniqueList(nonEmpty.max(120, 'must be a short task phrase (at most 120 characters)')).default(
    [],
  ),
};

export const glossaryFrontMatter = z.strictObject({
  ...commonFields,
  kind: z.literal('glossary'),
});

export const topicFrontMatter = z.strictObject({
  ...commonFields,
  kind: z.literal('topic'),
});

export const commandFrontMatter = z.strictObject({
  ...commonFields,
  kind: z.literal('command'),
  tool: id,
  command: nonEmpty,
  example: nonEmpty,
  flags: z.array(z.strictObject({ flag: nonEmpty, description: nonEmpty })).default([]),
});

export const frontMatter = z.discriminatedUnion('kind', [
  glossaryFrontMatter,
  topicFrontMatter,
  commandFrontMatter,
]);

export type FrontMatter = z.infer<typeof frontMatter>;

const absoluteHttpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL such as "https://kubernetes.io/docs/concepts/"; leave it out when there is none');

export const sourceRecord = z.strictObject({
  id: nonEmpty,
  title: nonEmpty,
  publisher: nonEmpty,
  url: absoluteHttpUrl.optional(),
  gone: z.boolean().default(false),
  note: nonEmpty.optional(),
});

export const sourceRegistry = z.array(sourceRecord);

export type SourceRecord = z.infer<typeof sourceRecord>;

const spelling = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9 .'-]*(?:-\*)?$/,
    'must be lower-case words as people type them, like "docker compose" or "lxc-*"',
  );

export const toolRecord = z.strictObject({
  id,
  name: nonEmpty,
  spellings: uniqueList(spelling).min(1, 'must list at least one spelling that names the tool'),
  implied_by: uniqueList(spelling).default([]),
  parent: id.optional(),
});

export const toolRegistry = z.array(toolRecord);
