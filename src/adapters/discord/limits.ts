/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 * Discord refuses a message that exceeds any of them (error 50035), so renderers stay inside.
 */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFields: 25,
  embedFooter: 2048,
  embedAuthor: 256,
  /** Sum of every title, description, field name and value, footer and author in a message. */
  embedTotal: 6000,
  buttonLabel: 80,
  buttonUrl: 512,
  customId: 100,
  buttonsPerRow: 5,
  rows: 5,
  choiceName: 100,
  choiceValue: 100,
  choices: 25,
} as const;

/** Cuts `text` to at most `max` characters, ending with `suffix` when anything was cut. */
export function truncate(text: string, max: number, suffix = '…'): string {
  if (text.length <= max) return text;
  if (max <= suffix.length) return suffix.slice(0, max);
  // Do not leave half of a surrogate pair at the cut.
  let cut = max - suffix.length;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}${suffix}`;
}
