import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import type { Entry, EntryKind, KnowledgeBase, Source, Tool } from '../types.js';
import { checkKnowledge } from './check-knowledge.js';
import { KIND_FOLDERS, REFERENCE_DIR, SOURCES_DIR, SOURCES_FILE, TOOLS_FILE } from './layout.js';
import { formatFieldPath, InvalidKnowledgeError, type KnowledgeProblem } from './problem.js';
import { parseYaml, readFrontMatter } from './read-yaml.js';
import { commandFrontMatter, frontMatter, sourceRecord, toolRecord, UNKNOWN_FIELD } from './schema.js';


export type LoadResult =
  | { readonly ok: true; readonly knowledge: KnowledgeBase }
  | { readonly ok: false; readonly problems: readonly KnowledgeProblem[] };

/** Shows paths relative to the working directory when they are inside it, as people type them. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** Every front-matter field there is (command entries have them all), for "did you mean". */
const KNOWN_FIELDS = Object.keys(commandFrontMatter.entries);

/** Schema issues in the words of the person editing the file. */
function schemaProblems(
  file: string,
  issues: readonly v.BaseIssue<unknown>[],
  prefix: readonly PropertyKey[] = [],
): KnowledgeProblem[] {
  return issues.map((issue): KnowledgeProblem => {
    const at = [...prefix, ...(issue.path ?? []).map((item) => item.key as PropertyKey)];
    const field = formatFieldPath(at);
    if (issue.type === 'never' && issue.message === UNKNOWN_FIELD) {
      const key = String(at.at(-1));
      const near = KNOWN_FIELDS.find((known) => known.startsWith(key) || key.startsWith(known));
      return {
        file,
        field,
        message: `${UNKNOWN_FIELD}${near ? `; did you mean "${near}"?` : ''} (see knowledge/README.md)`,
      };
    }
    const missing = issue.kind === 'schema' && issue.received === 'undefined';
    return { file, field, message: missing ? 'is required' : issue.message };
  });
}

/**
 * Reads a YAML file that holds a list of records, checking each on its own so that one bad record
 * does not hide the others. Returns the valid records with their index, or undefined when the
 * file itself cannot be used.
 */
function readRecordList<T extends { id: string }>(
  file: string,
  schema: v.GenericSchema<unknown, T>,
  what: string,
  example: string,
  problems: KnowledgeProblem[],
): { record: T; index: number }[] | undefined {
  const shown = displayPath(file);
  const parsed = parseYaml(readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    problems.push({ file: shown, field: '', message: `is not valid YAML: ${parsed.message}` });
    return undefined;
  }
  const raw = parsed.value;
  if (!Array.isArray(raw)) {
    problems.push({ file: shown, field: '', message: `must be a YAML list of ${what} (${example})` });
    return undefined;
  }
  const records: { record: T; index: number }[] = [];
  raw.forEach((item, index) => {
    const checked = v.safeParse(schema, item);
    if (checked.success) records.push({ record: checked.output, index });
    else problems.push(...schemaProblems(shown, checked.issues, [index]));
  });
  return records;
}

/** `sources.yaml`, then every file of `sources/`, in name order. */
function sourceFiles(dir: string): string[] {
  const files = [path.join(dir, SOURCES_FILE)];
  const extra = path.join(dir, SOURCES_DIR);
  if (existsSync(extra)) {
    for (const name of readdirSync(extra).sort()) {
      if (name.endsWith('.yaml')) files.push(path.join(extra, name));
    }
  }
  return files;
}

function readSources(dir: string, problems: KnowledgeProblem[]): Map<string, Source> {
  const sources = new Map<string, Source>();
  const where = new Map<string, string>();
  const byUrl = new Map<string, string>();
  const [main] = sourceFiles(dir);
  if (main && !existsSync(main)) {
    problems.push({
      file: displayPath(main),
      field: '',
      message: 'is missing: every entry cites sources listed in this file',
    });
    return sources;
  }
  for (const file of sourceFiles(dir)) {
    const shown = displayPath(file);
    const records = readRecordList(
      file,
      sourceRecord,
      'sources',
      '- id: ..., title: ..., publisher: ..., url: ...',
      problems,
    );
    for (const { record, index } of records ?? []) {
      const first = where.get(record.id);
      if (first !== undefined) {
        problems.push({
          file: shown,
          field: `[${index}].id`,
          message: `duplicate source id "${record.id}" (first in ${first}): give each source its own id`,
        });
        continue;
      }
      const sameUrl = record.url === undefined ? undefined : byUrl.get(record.url);
      if (sameUrl !== undefined) {
        problems.push({
          file: shown,
          field: `[${index}].url`,
          message: `the same page as source "${sameUrl}": cite "${sameUrl}" instead of adding "${record.id}" (a card would list the page twice)`,
        });
        continue;
      }
      if (record.url !== undefined) byUrl.set(record.url, record.id);
      where.set(record.id, shown);
      sources.set(record.id, {
        id: record.id,
        title: record.title,
        publisher: record.publisher,
        gone: record.gone,
        ...(record.url === undefined ? {} : { url: record.url }),
        ...(record.note === undefined ? {} : { note: record.note }),
      });
    }
  }
  return sources;
}

/**
 * The names in the reference lists (first column of each TSV, header skipped). They are data for
 * the engine (which words are subcommands), so a list that cannot be read is a problem.
 */
function readCommandNames(dir: string, problems: KnowledgeProblem[]): string[] {
  const folder = path.join(dir, REFERENCE_DIR);
  if (!existsSync(folder)) return [];
  const names: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.tsv')) continue;
    const file = path.join(folder, name);
    const [header, ...rows] = readFileSync(file, 'utf8').split('\n');
    if (!header?.startsWith('name\t')) {
      problems.push({
        file: displayPath(file),
        field: '',
        message: 'must start with a header line "name<TAB>kind<TAB>url<TAB>notes"',
      });
      continue;
    }
    for (const row of rows) {
      const first = row.split('\t')[0]?.trim();
      if (first) names.push(first);
    }
  }
  return names;
}

/** The tool registry; a knowledge base without one simply has no tools. */
function readTools(dir: string, problems: KnowledgeProblem[]): Map<string, Tool> {
  const tools = new Map<string, Tool>();
  const file = path.join(dir, TOOLS_FILE);
  if (!existsSync(file)) return tools;
  const shown = displayPath(file);
  const records =
    readRecordList(file, toolRecord, 'tools', '- id: podman, name: Podman, spellings: [podman]', problems) ??
    [];
  for (const { record, index } of records) {
    if (tools.has(record.id)) {
      problems.push({
        file: shown,
        field: `[${index}].id`,
        message: `duplicate tool id "${record.id}": give each tool its own id`,
      });
      continue;
    }
    tools.set(record.id, {
      id: record.id,
      name: record.name,
      spellings: record.spellings,
      impliedBy: record.implied_by,
      ...(record.parent === undefined ? {} : { parent: record.parent }),
    });
  }
  records.forEach(({ record, index }) => {
    if (record.parent !== undefined && !tools.has(record.parent)) {
      problems.push({
        file: shown,
        field: `[${index}].parent`,
        message: `unknown tool "${record.parent}": use the id of another tool in this file`,
      });
    }
  });
  return tools;
}

function readEntry(
  file: string,
  folderKind: EntryKind,
  problems: KnowledgeProblem[],
): Entry | undefined {
  const shown = displayPath(file);
  const markdown = readFrontMatter(readFileSync(file, 'utf8'));
  if (!markdown.ok) {
    problems.push({ file: shown, field: '', message: markdown.message });
    return undefined;
  }
  const parsed = v.safeParse(frontMatter, markdown.value.data);
  if (!parsed.success) {
    problems.push(...schemaProblems(shown, parsed.issues));
    return undefined;
  }
  const data = parsed.output;
  const expectedId = path.basename(file, '.md');
  let ok = true;
  if (data.id !== expectedId) {
    problems.push({
      file: shown,
      field: 'id',
      message: `"${data.id}" does not match the file name: rename the file to ${data.id}.md or set id: ${expectedId}`,
    });
    ok = false;
  }
  if (data.kind !== folderKind) {
    problems.push({
      file: shown,
      field: 'kind',
      message: `is "${data.kind}" but the file is in ${KIND_FOLDERS[folderKind]}/: move it to ${KIND_FOLDERS[data.kind]}/ or set kind: ${folderKind}`,
    });
    ok = false;
  }
  const body = markdown.value.body.trim();
  if (!body) {
    problems.push({
      file: shown,
      field: 'body',
      message: 'is empty: write the detail below the front matter',
    });
    ok = false;
  }
  if (!ok) return undefined;
  const rel = path.join(KIND_FOLDERS[folderKind], path.basename(file));
  // Optional fields stay absent rather than undefined (exactOptionalPropertyTypes).
  if (data.kind === 'command') return { ...data, body, file: rel };
  const { tool, ...rest } = data;
  return { ...rest, ...(tool === undefined ? {} : { tool }), body, file: rel };
}

/**
 * Reads and validates every file of a knowledge directory. All problems are collected, so one
 * run of `stevedore validate` lists everything to fix.
 */
export function loadKnowledge(dir: string): LoadResult {
  const problems: KnowledgeProblem[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      ok: false,
      problems: [
        {
          file: displayPath(dir),
          field: '',
          message: 'is not a knowledge directory: point --knowledge (or KNOWLEDGE_DIR) at one',
        },
      ],
    };
  }
  const sources = readSources(dir, problems);
  const tools = readTools(dir, problems);
  const commandNames = readCommandNames(dir, problems);
  const entries: Entry[] = [];
  for (const kind of Object.keys(KIND_FOLDERS) as EntryKind[]) {
    const folder = path.join(dir, KIND_FOLDERS[kind]);
    if (!existsSync(folder)) continue;
    const names = readdirSync(folder).sort();
    for (const name of names) {
      const file = path.join(folder, name);
      if (!name.endsWith('.md')) {
        if (statSync(file).isFile() && !name.startsWith('.')) {
          problems.push({
            file: displayPath(file),
            field: '',
            message: 'is not a Markdown (.md) file: knowledge entries are .md files',
          });
        }
        continue;
      }
      const entry = readEntry(file, kind, problems);
      if (entry) entries.push(entry);
    }
  }
  if (entries.length === 0 && problems.length === 0) {
    problems.push({
      file: displayPath(dir),
      field: '',
      message: `has no entries: add Markdown files under ${Object.values(KIND_FOLDERS).join('/, ')}/`,
    });
  }
  problems.push(
    ...checkKnowledge(entries, sources, tools, (file) => displayPath(path.join(dir, file))),
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, knowledge: { entries, sources, tools, commandNames } };
}

/** Like `loadKnowledge`, for start-up: invalid knowledge stops the program with every problem. */
export function loadKnowledgeOrThrow(dir: string): KnowledgeBase {
  const result = loadKnowledge(dir);
  if (!result.ok) throw new InvalidKnowledgeError(result.problems, displayPath(dir));
  return result.knowledge;
}
