import type { EntryKind } from '../types.js';

/** The folder each kind of entry lives in, under the knowledge directory. */
export const KIND_FOLDERS: Readonly<Record<EntryKind, string>> = {
  glossary: 'glossary',
  topic: 'topics',
  command: 'commands',
};

/** The registry of sources, at the top of the knowledge directory. */
export const SOURCES_FILE = 'sources.yaml';

/** Further source registries, one file per family (`sources/kubernetes.yaml`), all optional. */
export const SOURCES_DIR = 'sources';

/** The registry of tools that entries declare and questions name. */
export const TOOLS_FILE = 'tools.yaml';

/** The reference lists (TSV: name, kind, url, notes) that coverage is counted against. */
export const REFERENCE_DIR = 'reference';
