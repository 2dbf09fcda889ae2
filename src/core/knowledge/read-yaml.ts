import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/**
 * YAML for knowledge files: whole files (sources.yaml, tools.yaml) and the front matter of
 * Markdown entries. js-yaml rather than eemeli/yaml: on the 1,200 shipped entries js-yaml parses
 * in about a sixth of the time (see docs/design.md), and its errors give the line and column.
 * The core schema keeps dates and the like as plain strings, as the fields expect.
 */

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

/**
 * Parses YAML text. `firstLine` is the line of the file the text starts on, so that an error
 * names the line as an editor shows it.
 */
export function parseYaml(text: string, firstLine = 1): Parsed<unknown> {
  try {
    return { ok: true, value: load(text, { schema: CORE_SCHEMA }) };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const at = error.mark
      ? ` at line ${error.mark.line + firstLine}, column ${error.mark.column + 1}`
      : '';
    return { ok: false, message: `${error.reason}${at}` };
  }
}

/** A Markdown entry split into its front matter (parsed) and its body. */
export interface MarkdownEntry {
  readonly data: unknown;
  readonly body: string;
}

const FENCE = /^---[ \t]*$/;

/**
 * Splits `---` front matter from the Markdown after it and parses it. The file must start with
 * a `---` line; the front matter ends at the next `---` line.
 */
export function readFrontMatter(text: string): Parsed<MarkdownEntry> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      ok: false,
      message: 'has no front matter: start the file with a --- line, the fields, then another --- line',
    };
  }
  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (end === -1) {
    return {
      ok: false,
      message: 'has front matter that is never closed: end the fields with a --- line',
    };
  }
  const yaml = lines.slice(1, end).join('\n');
  // An empty document is no fields at all, which the schema then reports field by field.
  const parsed = yaml.trim() ? parseYaml(yaml, 2) : { ok: true as const, value: {} };
  if (!parsed.ok) {
    return { ok: false, message: `has front matter that is not valid YAML: ${parsed.message}` };
  }
  return { ok: true, value: { data: parsed.value, body: lines.slice(end + 1).join('\n') } };
}
