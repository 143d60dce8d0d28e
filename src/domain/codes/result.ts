/** Outcome of a code check: the normalised value, or a Chinese reason a user can act on. */
export type CodeCheck = { ok: true; value: string } | { ok: false; reason: string };

export const valid = (value: string): CodeCheck => ({ ok: true, value });
export const invalid = (reason: string): CodeCheck => ({ ok: false, reason });
