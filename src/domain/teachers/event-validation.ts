/** Checks an event against the teacher's state before it; every reason is a Chinese sentence a clerk can act on. */
import { checkIdCard } from '../codes/id-card';
import { isIsoDate, yearOf } from './dates';
import { DEFAULT_ETHICS_POLICY, type EthicsPolicy, ethicsVeto } from './ethics';
import type { TeacherEvent, TeacherEventKind } from './events';
import { EMPLOYMENT_STATUSES, onLeaveOn, type TeacherRecord } from './teacher-state';
import { EDUCATION_LEVELS, ETHICS_RESULTS, type Post, type Subject, TITLES } from './vocab';

export const EVENT_LABELS: Record<TeacherEventKind, string> = {
  hire: '入职',
  transfer: '调动',
  assignment: '岗位变更',
  education: '学历变更',
  title_promotion: '职称晋升',
  appointment: '岗位聘任',
  backbone: '骨干教师认定',
  honor: '表彰奖励',
  ethics_review: '师德考核',
  leave: '休假',
  return: '返岗',
  retirement: '退休',
  resignation: '离职',
  death: '死亡',
};

// Kinds that need the teacher on the roster; the others only need a hire on record.
const NEEDS_EMPLOYED: ReadonlySet<TeacherEventKind> = new Set([
  'transfer',
  'assignment',
  'education',
  'title_promotion',
  'appointment',
  'backbone',
  'honor',
  'leave',
  'return',
  'retirement',
  'resignation',
]);

export interface ValidationOptions {
  ethicsPolicy?: EthicsPolicy;
}

/** Reasons `event` cannot follow `before` (undefined: the teacher was never hired); empty when it can. */
export function validateEvent(
  event: TeacherEvent,
  before: TeacherRecord | undefined,
  options: ValidationOptions = {},
): string[] {
  const policy = options.ethicsPolicy ?? DEFAULT_ETHICS_POLICY;
  const label = EVENT_LABELS[event.kind];
  if (!isIsoDate(event.effective)) return [`生效日期“${event.effective}”不是有效日期（应为YYYY-MM-DD）`];
  if (event.kind === 'hire') return hireProblems(event, before);
  if (!before) return [`该教师尚未入职，不能登记${label}`];
  if (before.status === 'deceased') return [`该教师已故，不能登记${label}`];
  if (NEEDS_EMPLOYED.has(event.kind) && before.status !== 'employed') {
    return [`该教师${EMPLOYMENT_STATUSES[before.status]}，不能登记${label}`];
  }
  const problems: string[] = [];
  const veto = (reason: string | null) => {
    if (reason) problems.push(reason);
  };
  switch (event.kind) {
    case 'transfer':
      if (event.toSchoolId === before.schoolId) problems.push('调入学校与现任职学校相同');
      problems.push(...subjectProblems(event.post ?? before.post, event.subject, before.subject));
      break;
    case 'assignment':
      if (
        event.stage === undefined &&
        event.post === undefined &&
        event.subject === undefined &&
        event.establishment === undefined
      ) {
        problems.push('未填写任何变更内容');
      }
      problems.push(...subjectProblems(event.post ?? before.post, event.subject, before.subject));
      break;
    case 'education':
      if (EDUCATION_LEVELS[event.education].rank <= EDUCATION_LEVELS[before.education].rank) {
        problems.push(
          `新学历（${EDUCATION_LEVELS[event.education].label}）不高于现有学历（${EDUCATION_LEVELS[before.education].label}）`,
        );
      }
      break;
    case 'title_promotion':
      if (TITLES[event.title].rank <= TITLES[before.title].rank) {
        problems.push(`拟晋升职称（${TITLES[event.title].label}）不高于现有职称（${TITLES[before.title].label}）`);
      }
      veto(ethicsVeto(before.ethics, 'title_promotion', event.reviewYear ?? yearOf(event.effective), policy));
      break;
    case 'appointment':
      if (TITLES[event.title].rank > TITLES[before.title].rank) {
        problems.push(
          `聘任等级（${TITLES[event.title].label}）高于已取得的职称（${TITLES[before.title].label}），评聘分开须先评后聘`,
        );
      }
      if (TITLES[event.title].rank > TITLES[before.appointedTitle ?? 'unrated'].rank) {
        veto(ethicsVeto(before.ethics, 'appointment', yearOf(event.effective), policy));
      }
      break;
    case 'backbone':
      if (event.until !== undefined && (!isIsoDate(event.until) || event.until < event.effective)) {
        problems.push('骨干教师任期截止日期无效或早于认定日期');
      }
      veto(ethicsVeto(before.ethics, 'backbone', event.year, policy));
      break;
    case 'honor':
      if (event.name.trim() === '') problems.push('荣誉名称不能为空');
      veto(ethicsVeto(before.ethics, 'honor', event.year, policy));
      break;
    case 'ethics_review': {
      const existing = before.ethics[event.year];
      if (existing) problems.push(`该教师${event.year}年度师德考核结果已登记（${ETHICS_RESULTS[existing]}）`);
      if (event.year > yearOf(event.effective)) problems.push(`考核年度${event.year}晚于登记日期`);
      break;
    }
    case 'leave':
      if (onLeaveOn(before, event.effective)) problems.push('该教师已在休假中');
      if (event.to !== undefined && (!isIsoDate(event.to) || event.to < event.effective)) {
        problems.push('休假结束日期无效或早于开始日期');
      }
      break;
    case 'return':
      if (!onLeaveOn(before, event.effective)) problems.push('该教师不在休假中，无需登记返岗');
      break;
    default:
      break;
  }
  return problems;
}

function hireProblems(event: Extract<TeacherEvent, { kind: 'hire' }>, before: TeacherRecord | undefined): string[] {
  if (before?.status === 'employed') return ['该教师已在职，不能重复入职'];
  if (before?.status === 'retired') return ['该教师已退休，不能再次入职'];
  if (before?.status === 'deceased') return ['该教师已故，不能登记入职'];
  const problems: string[] = [];
  if (event.name.trim() === '') problems.push('姓名不能为空');
  const [year, month, day] = event.effective.split('-').map(Number);
  // The ID's birth date must not be after the hire date; a local Date keeps checkIdCard's calendar comparison.
  const id = checkIdCard(event.idNumber, new Date(year, month - 1, day));
  if (!id.ok) problems.push(id.reason);
  else if (id.value !== event.idNumber) problems.push('身份证号应使用大写X且不含空格');
  problems.push(...subjectProblems(event.post, event.subject, null));
  if (event.channel === 'dispatch' && event.establishment !== 'dispatched') {
    problems.push('招聘渠道为劳务派遣的，编制情况应为劳务派遣');
  }
  if (event.channel === 'substitute' && event.establishment !== 'substitute') {
    problems.push('招聘渠道为代课的，编制情况应为代课');
  }
  const held = event.title ?? 'unrated';
  if (event.appointedTitle && TITLES[event.appointedTitle].rank > TITLES[held].rank) {
    problems.push('聘任等级不能高于已取得的职称');
  }
  return problems;
}

function subjectProblems(post: Post, next: Subject | null | undefined, current: Subject | null): string[] {
  const subject = next === undefined ? current : next;
  return post === 'full_time_teacher' && subject === null ? ['专任教师须填写任教学科'] : [];
}
