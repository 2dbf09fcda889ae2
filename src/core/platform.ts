/** The chat platforms Stevedore runs on; the local shell is not one (it has no channels). */
export type Platform = 'slack' | 'discord';
