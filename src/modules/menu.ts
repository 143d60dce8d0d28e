import type { Permission } from '../domain/auth/roles';
import type { Viewer } from '../platform/scope';

export interface ModuleEntry {
  key: string;
  label: string;
  /** The viewer sees the module when they hold any of these. */
  anyOf: Permission[];
}

/** Modules in menu order. A module appears here once it is built, and only to those who may use it. */
export const MODULES: ModuleEntry[] = [
  { key: 'overview', label: '首页概览', anyOf: ['org.read'] },
  { key: 'indicators', label: '教育指标', anyOf: ['stats.read'] },
  { key: 'balance', label: '均衡发展', anyOf: ['stats.read'] },
  { key: 'stats', label: '基表数据', anyOf: ['stats.read'] },
  { key: 'teachers', label: '教师队伍', anyOf: ['teacher.read'] },
  { key: 'aid', label: '学生资助', anyOf: ['aid.read'] },
  { key: 'reports', label: '工作总结', anyOf: ['report.read'] },
  { key: 'schools', label: '学校管理', anyOf: ['org.read'] },
  { key: 'imports', label: '数据导入', anyOf: ['org.import', 'stats.import', 'teacher.import', 'aid.import'] },
  { key: 'users', label: '用户管理', anyOf: ['user.manage'] },
  { key: 'audit', label: '审计日志', anyOf: ['audit.read'] },
];

export function modulesFor(viewer: Viewer): { key: string; label: string }[] {
  return MODULES.filter((m) => m.anyOf.some((p) => viewer.permissions.has(p))).map(({ key, label }) => ({
    key,
    label,
  }));
}
