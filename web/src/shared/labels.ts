import { OWNERSHIPS, SCHOOL_STATUSES, SCHOOL_TYPES, URBAN_RURAL } from '@domain/org/school-types';

export const schoolTypeLabel = (type: string) => SCHOOL_TYPES[type as keyof typeof SCHOOL_TYPES]?.label ?? type;
export const ownershipLabel = (value: string) => OWNERSHIPS[value as keyof typeof OWNERSHIPS] ?? value;
export const urbanRuralLabel = (value: string) => URBAN_RURAL[value as keyof typeof URBAN_RURAL] ?? value;
export const statusLabel = (value: string) => SCHOOL_STATUSES[value as keyof typeof SCHOOL_STATUSES] ?? value;

export const schoolTypeOptions = Object.entries(SCHOOL_TYPES).map(([value, t]) => ({ value, label: t.label }));
export const ownershipOptions = Object.entries(OWNERSHIPS).map(([value, label]) => ({ value, label }));
export const urbanRuralOptions = Object.entries(URBAN_RURAL).map(([value, label]) => ({ value, label }));
export const statusOptions = Object.entries(SCHOOL_STATUSES).map(([value, label]) => ({ value, label }));

export const STATUS_COLORS: Record<string, string> = { open: 'green', closed: 'default', merged: 'orange' };

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
