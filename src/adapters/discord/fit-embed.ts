import { type APIEmbed, type APIEmbedField, embedLength } from 'discord.js';
import { maskedLink } from './embed-text.js';
import { LIMITS, truncate } from './limits.js';

/**
 * Lines joined into a field value of at most 1024 characters; when some do not fit, the value
 * ends with how many were left out.
 */
export function linesField(
  name: string,
  lines: readonly string[],
  separator = '\n',
): APIEmbedField {
  const NOTE_ROOM = 24; // "…and 9999 more" plus a separator, with room to spare
  let value = '';
  let kept = 0;
  for (const line of lines) {
    const candidate = kept === 0 ? line : `${value}${separator}${line}`;
    const isLast = kept === lines.length - 1;
    if (candidate.length + (isLast ? 0 : NOTE_ROOM) > LIMITS.embedFieldValue) break;
    value = candidate;
    kept += 1;
  }
  if (kept === 0 && lines.length > 0) {
    value = truncate(lines[0] ?? '', LIMITS.embedFieldValue - NOTE_ROOM);
    kept = 1;
  }
  if (kept < lines.length) value += `${separator}…and ${lines.length - kept} more`;
  return { name, value };
}

/**
 * The fields that fit in `budget` characters, kept by priority — sources first, then related
 * terms, then commands in order — and shown in their original order.
 */
export function fitFields(fields: readonly APIEmbedField[], budget: number): APIEmbedField[] {
  const size = (f: APIEmbedField) => f.name.length + f.value.length;
  const rank = (f: APIEmbedField) => (f.name === 'Sources' ? 0 : f.name === 'Related' ? 1 : 2);
  const byPriority = fields
    .map((field, index) => ({ field, index }))
    .sort((a, b) => rank(a.field) - rank(b.field) || a.index - b.index);
  const kept = new Set<number>();
  let used = 0;
  for (const { field, index } of byPriority) {
    if (kept.size >= LIMITS.embedFields || used + size(field) > budget) continue;
    kept.add(index);
    used += size(field);
  }
  return fields.filter((_, index) => kept.has(index));
}

/**
 * The description, cut so that the whole embed stays within Discord's limits; a cut answer ends
 * with a link to its top source, where the rest can be read.
 */
export function fitDescription(embed: APIEmbed, text: string, readMore: string | null): APIEmbed {
  // discord.js's own count of what Discord adds up against the 6000 characters.
  const others = embedLength({ ...embed, description: '' });
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - others);
  const suffix = readMore ? `…\n\n${maskedLink('Read more at the source', readMore)}` : '…';
  return { ...embed, description: truncate(text, Math.max(room, 0), suffix) };
}
