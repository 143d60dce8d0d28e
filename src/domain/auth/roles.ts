/**
 * Roles of PRODUCT.md §1 and what each may do. 系统管理员 and 审计管理员 are kept apart (等保 三权分立): the first
 * manages accounts and configuration but reads no audit log; the second reads the audit log and changes nothing.
 */

export const PERMISSIONS = {
  'org.read': '查看学校与机构',
  'org.write': '维护学校信息与变更',
  'org.import': '导入学校',
  'user.manage': '管理用户账号',
  'config.manage': '管理系统配置',
  'audit.read': '查看审计日志',
  'pii.reveal': '查看完整个人敏感信息',
  'stats.read': '查看基表数据与教育指标',
  'stats.import': '填报、导入基表与人口数据',
  'teacher.read': '查看教师队伍',
  'teacher.write': '登记教师变动（招聘、调动、职称、考核、退休等）',
  'teacher.import': '导入教师名册与培训记录',
  'aid.read': '查看学生资助名单与统计',
  'aid.import': '导入资助名单、提交发放批次、登记更正',
  'aid.review': '审核资助名单与发放批次、确认发放',
  'aid.config': '维护资助项目与本地资助标准',
  'report.read': '查看年度工作总结',
  'report.write': '生成、修改年度工作总结',
  'report.approve': '审定年度工作总结',
} as const;
export type Permission = keyof typeof PERMISSIONS;

export type ScopeLevel = 'system' | 'city' | 'county' | 'township' | 'school';

interface RoleInfo {
  label: string;
  /** Which scope levels an account of this role may have. */
  scopes: readonly ScopeLevel[];
  permissions: readonly Permission[];
}

export const ROLES = {
  sys_admin: {
    label: '系统管理员',
    scopes: ['system', 'county'],
    permissions: ['user.manage', 'config.manage', 'org.read'],
  },
  audit_admin: { label: '审计管理员', scopes: ['system', 'county'], permissions: ['audit.read'] },
  leader: {
    label: '局领导',
    scopes: ['county'],
    permissions: ['org.read', 'stats.read', 'teacher.read', 'aid.read', 'report.read', 'report.approve'],
  },
  // 局办公室 drafts the bureau's documents: it reads every area and writes the annual summary.
  office: {
    label: '局办公室',
    scopes: ['county'],
    permissions: ['org.read', 'stats.read', 'teacher.read', 'aid.read', 'report.read', 'report.write'],
  },
  basic_edu: {
    label: '基教股',
    scopes: ['county'],
    permissions: ['org.read', 'org.write', 'org.import', 'stats.read', 'stats.import'],
  },
  personnel: {
    label: '人事股',
    scopes: ['county'],
    permissions: ['org.read', 'pii.reveal', 'stats.read', 'teacher.read', 'teacher.write', 'teacher.import'],
  },
  aid_center: {
    label: '资助中心',
    scopes: ['county'],
    permissions: ['org.read', 'pii.reveal', 'aid.read', 'aid.import', 'aid.review', 'aid.config'],
  },
  safety: { label: '安全股', scopes: ['county'], permissions: ['org.read'] },
  finance: { label: '计财股', scopes: ['county'], permissions: ['org.read', 'stats.read', 'aid.read'] },
  research: { label: '教研室', scopes: ['county'], permissions: ['org.read', 'stats.read', 'teacher.read'] },
  inspection: {
    label: '督导室',
    scopes: ['county'],
    permissions: ['org.read', 'stats.read', 'teacher.read', 'report.read'],
  },
  party: { label: '党建办', scopes: ['county'], permissions: ['org.read'] },
  township: {
    label: '学区',
    scopes: ['township'],
    permissions: ['org.read', 'stats.read', 'teacher.read', 'aid.read'],
  },
  school_clerk: {
    label: '学校填报员',
    scopes: ['school'],
    permissions: ['org.read', 'stats.read', 'stats.import', 'teacher.read', 'teacher.import', 'aid.read', 'aid.import'],
  },
  principal: {
    label: '校长',
    scopes: ['school'],
    permissions: ['org.read', 'stats.read', 'teacher.read', 'aid.read'],
  },
  city: { label: '市教育局', scopes: ['city'], permissions: ['org.read', 'stats.read', 'teacher.read', 'aid.read'] },
} as const satisfies Record<string, RoleInfo>;
export type Role = keyof typeof ROLES;

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

export function roleHas(role: Role, permission: Permission): boolean {
  return (ROLES[role].permissions as readonly Permission[]).includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLES[role].permissions];
}
