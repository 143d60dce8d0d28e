import {
  backboneLabel,
  channelLabel,
  educationLabel,
  establishmentLabel,
  ethicsLabel,
  eventLabel,
  honorLevelLabel,
  postLabel,
  stageLabel,
  subjectLabel,
  tierLabel,
  titleLabel,
  transferKindLabel,
} from './labels';
import type { TeacherEventRow } from './types';

/** The changes of 学段, 岗位, subject and 编制 an event brings, in words: 学段改为初中、学科改为数学. */
function assignmentChanges(details: Record<string, unknown>): string[] {
  const changes: string[] = [];
  if (details.stage) changes.push(`学段改为${stageLabel(details.stage as string)}`);
  if (details.post) changes.push(`岗位改为${postLabel(details.post as string)}`);
  if (details.subject !== undefined)
    changes.push(details.subject ? `学科改为${subjectLabel(details.subject as string)}` : '不再任教学科');
  if (details.establishment) changes.push(`编制改为${establishmentLabel(details.establishment as string)}`);
  return changes;
}

/** One timeline entry in words, e.g. 调动：A校 → B校（交流轮岗）, 职称晋升：一级教师, 师德考核2024年度：合格. */
export function describeEvent(event: TeacherEventRow): string {
  const d = event.details;
  const text = (key: string) => d[key] as string;
  switch (event.kind) {
    case 'hire': {
      const teaching = `${stageLabel(text('stage'))}${postLabel(text('post'))}${d.subject ? `，任教${subjectLabel(text('subject'))}` : ''}`;
      const title = d.title && d.title !== 'unrated' ? `，${titleLabel(text('title'))}` : '';
      return `入职：${event.school_name ?? ''}（${channelLabel(text('channel'))}）；${teaching}，${establishmentLabel(text('establishment'))}，${educationLabel(text('education'))}${title}`;
    }
    case 'transfer': {
      const changes = assignmentChanges(d);
      return `调动：${event.from_school_name ?? '原学校'} → ${event.school_name ?? ''}（${transferKindLabel(text('transferKind'))}）${changes.length ? `，${changes.join('、')}` : ''}`;
    }
    case 'assignment':
      return `岗位变更：${assignmentChanges(d).join('、')}`;
    case 'education':
      return `学历变更：${educationLabel(text('education'))}`;
    case 'title_promotion':
      return `职称晋升：${titleLabel(text('title'))}${d.reviewYear ? `（${d.reviewYear}年度评审）` : ''}`;
    case 'appointment':
      return `岗位聘任：${titleLabel(text('title'))}`;
    case 'backbone':
      return `骨干教师认定：${backboneLabel(text('level'))}骨干教师${d.tier ? `（${tierLabel(text('tier'))}）` : ''}，${d.year}年度${d.until ? `，任期至${d.until}` : ''}`;
    case 'honor':
      return `表彰奖励：${text('name')}（${honorLevelLabel(text('level'))}，${d.year}年）`;
    case 'ethics_review':
      return `师德考核${d.year}年度：${ethicsLabel(text('result'))}`;
    case 'leave':
      return `休假${d.to ? `至${d.to}` : '（返岗日期未定）'}${d.reason ? `：${d.reason}` : ''}`;
    case 'return':
      return '休假结束，返岗';
    case 'retirement':
      return `退休（${event.school_name ?? ''}）`;
    case 'resignation':
      return `离职（${event.school_name ?? ''}）`;
    case 'death':
      return '去世';
    default:
      return eventLabel(event.kind);
  }
}

export const EVENT_COLORS: Record<string, string> = {
  hire: 'green',
  transfer: 'blue',
  title_promotion: 'purple',
  appointment: 'purple',
  backbone: 'cyan',
  honor: 'gold',
  leave: 'orange',
  return: 'green',
  retirement: 'gray',
  resignation: 'gray',
  death: 'gray',
};
