/**
 * Masking of personal data (project policy, standards.md §6): ID numbers keep the first 6 and last 4 characters,
 * phones the first 3 and last 4 digits, bank cards the last 4.
 */

export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskBankCard(card: string): string {
  const digits = card.replace(/\s/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `****${digits.slice(-4)}`;
}

const SENSITIVE_KEYS: Record<string, (v: string) => string> = {
  idNumber: maskIdNumber,
  id_number: maskIdNumber,
  phone: maskPhone,
  bankCard: maskBankCard,
  bank_card: maskBankCard,
};

const ID_LIKE = /^\d{17}[\dXx]$/;

/**
 * Returns a copy of a JSON-like value with personal data masked: by key name, and any string that looks like an
 * 18-character ID number wherever it appears. Used for audit before/after values and exports.
 */
export function maskPersonalData<T>(value: T): T {
  return maskValue(value, undefined) as T;
}

function maskValue(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') {
    const masker = key ? SENSITIVE_KEYS[key] : undefined;
    if (masker) return masker(value);
    return ID_LIKE.test(value) ? maskIdNumber(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => maskValue(item, undefined));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskValue(v, k);
    return out;
  }
  return value;
}
