import type { Entry } from '../types.js';

/** The options a question names: `--stop-signal`, `-it`, `--rm` (lower case, without values). */
export function flagsOf(question: string): string[] {
  const found = new Set<string>();
  for (const match of question.toLowerCase().matchAll(/(?:^|[\s(,[])(--?[a-z][a-z0-9-]*)/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/** Whether a command entry documents or uses a flag. */
export function hasFlag(entry: Entry, flag: string): boolean {
  if (entry.kind !== 'command') return false;
  const pattern = new RegExp(`(?:^|[\\s,=\\[(|])${flag.replace(/[-]/g, '\\-')}(?![a-z0-9-])`);
  return (
    entry.flags.some((f) => pattern.test(f.flag.toLowerCase())) ||
    pattern.test(entry.command.toLowerCase()) ||
    pattern.test(entry.example.toLowerCase())
  );
}
