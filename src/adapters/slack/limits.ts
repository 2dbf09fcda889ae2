/** Slack's Block Kit limits that Stevedore's messages must respect (api.slack.com/reference/block-kit). */
export const LIMITS = {
  /** Characters of a section block's text. */
  sectionText: 3_000,
  /** Blocks in a message. */
  messageBlocks: 50,
  /** Blocks in a modal view. */
  modalBlocks: 100,
  /** Characters of a header block's plain text. */
  headerText: 150,
  /** Characters of a button's label. */
  buttonText: 75,
  /** Elements in an actions block. */
  actionsElements: 25,
  /** Elements in a context block. */
  contextElements: 10,
  /** Characters of an option's label and of its value in a select menu. */
  optionText: 75,
  optionValue: 150,
  /** Options returned for an external select. */
  options: 100,
  /** Characters of a modal's title. */
  modalTitle: 24,
} as const;

/** Stevedore's own bounds within those limits. */
export const SHOWN = {
  /** "Did you mean" buttons per message. */
  suggestions: 5,
  /** Command lines shown as code blocks. */
  commands: 10,
  /** Related terms listed. */
  related: 10,
  /** Characters of the notification fallback `text`. */
  fallbackText: 300,
} as const;
