/** Where a booth sits in its row: corner and island booths are open on more sides and cost more. */
export const BOOTH_KINDS = ['inline', 'corner', 'island'] as const;
export type BoothKind = (typeof BOOTH_KINDS)[number];
