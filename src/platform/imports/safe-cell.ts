/**
 * Guards exported text against formula injection (CSV/Excel injection, OWASP): a cell that starts with = + - @, or
 * with a tab or carriage return, gets a leading apostrophe so a spreadsheet shows it as text and never runs it.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' && DANGEROUS_START.test(value) ? `'${value}` : value;
}
