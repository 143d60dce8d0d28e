/**
 * The roster is kept as events, never edited: each change (hire, transfer, promotion, leave, retirement…) is an
 * event with an effective date, and the roster on a date is the fold of the events effective on or before it.
 */
import { idCardFacts } from '../codes/id-card';
import { yearOf } from './dates';
import { DEFAULT_ETHICS_POLICY, type EthicsPolicy } from './ethics';
import { validateEvent } from './event-validation';
import { backboneOn, onLeaveOn, type TeacherRecord } from './teacher-state';
import {
  type BackboneLevel,
  type BackboneTier,
  type EducationLevel,
  type Establishment,
  type EthicsResult,
  type HonorLevel,
  type Post,
  type RecruitmentChannel,
  type Subject,
  type TeacherStage,
  TITLES,
  type Title,
  type TransferKind,
} from './vocab';

interface EventBase {
  teacherId: number;
  /** ISO date the change takes effect. For retirement, resignation and death: the first day off the roster. */
  effective: string;
}

export interface HireEvent extends EventBase {
  kind: 'hire';
  name: string;
  /** 公民身份号码: birth date and sex are read from it. */
  idNumber: string;
  schoolId: number;
  stage: TeacherStage;
  post: Post;
  subject: Subject | null;
  channel: RecruitmentChannel;
  establishment: Establishment;
  education: EducationLevel;
  /** Held title on arrival (transferred in from outside the county); default: the title held before, or 未定级. */
  title?: Title;
  appointedTitle?: Title | null;
}

export interface TransferEvent extends EventBase {
  kind: 'transfer';
  toSchoolId: number;
  transferKind: TransferKind;
  /** Changes that come with the move; unchanged when omitted. */
  stage?: TeacherStage;
  post?: Post;
  subject?: Subject | null;
}

/** A change of 学段, 岗位, subject or 编制 within the same school (e.g. a 特岗 teacher 入编 after 3 years). */
export interface AssignmentEvent extends EventBase {
  kind: 'assignment';
  stage?: TeacherStage;
  post?: Post;
  subject?: Subject | null;
  establishment?: Establishment;
}

export interface EducationEvent extends EventBase {
  kind: 'education';
  education: EducationLevel;
}

/** A held title obtained (评). `reviewYear` is the 评审年度 when it differs from the effective date's year. */
export interface TitlePromotionEvent extends EventBase {
  kind: 'title_promotion';
  title: Title;
  reviewYear?: number;
}

/** The appointed post level (聘), which 评聘分开 keeps apart from the held title. */
export interface AppointmentEvent extends EventBase {
  kind: 'appointment';
  title: Title;
}

export interface BackboneEvent extends EventBase {
  kind: 'backbone';
  level: BackboneLevel;
  tier?: BackboneTier;
  year: number;
  until?: string;
}

export interface HonorEvent extends EventBase {
  kind: 'honor';
  level: HonorLevel;
  name: string;
  year: number;
}

export interface EthicsReviewEvent extends EventBase {
  kind: 'ethics_review';
  /** 考核年度 (a calendar year; see ethics.ts). */
  year: number;
  result: EthicsResult;
}

/** Leave from `effective` to `to` inclusive (back the day after), or until a return event when `to` is absent. */
export interface LeaveEvent extends EventBase {
  kind: 'leave';
  to?: string;
  reason?: string;
}

export interface ReturnEvent extends EventBase {
  kind: 'return';
}

export interface ExitEvent extends EventBase {
  kind: 'retirement' | 'resignation' | 'death';
}

export type TeacherEvent =
  | HireEvent
  | TransferEvent
  | AssignmentEvent
  | EducationEvent
  | TitlePromotionEvent
  | AppointmentEvent
  | BackboneEvent
  | HonorEvent
  | EthicsReviewEvent
  | LeaveEvent
  | ReturnEvent
  | ExitEvent;

export type TeacherEventKind = TeacherEvent['kind'];

/**
 * Order of events on the same day. Arrival first, then facts that gate what follows (a return, the 师德考核 that
 * can veto a same-day promotion, a degree), then moves, then promotions (评 before 聘, so a same-day 评聘 works),
 * then recognitions, then leave, and departures last so that the day's other changes apply before the teacher
 * leaves. Events of the same day and rank keep their input order.
 */
export const SAME_DAY_ORDER: Readonly<Record<TeacherEventKind, number>> = {
  hire: 0,
  return: 1,
  ethics_review: 2,
  education: 3,
  transfer: 4,
  assignment: 5,
  title_promotion: 6,
  appointment: 7,
  backbone: 8,
  honor: 8,
  leave: 9,
  retirement: 10,
  resignation: 10,
  death: 10,
};

/** Events sorted by effective date, then `SAME_DAY_ORDER`, then input order (a stable sort). */
export function orderEvents<E extends TeacherEvent>(events: readonly E[]): E[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) =>
        (a.event.effective < b.event.effective ? -1 : a.event.effective > b.event.effective ? 1 : 0) ||
        SAME_DAY_ORDER[a.event.kind] - SAME_DAY_ORDER[b.event.kind] ||
        a.index - b.index,
    )
    .map((item) => item.event);
}

/** The state after one event. Call `validateEvent` first: this applies the event as given. */
export function applyEvent(before: TeacherRecord | undefined, event: TeacherEvent): TeacherRecord {
  if (event.kind === 'hire') {
    const facts = idCardFacts(event.idNumber);
    return {
      teacherId: event.teacherId,
      name: event.name,
      idNumber: event.idNumber,
      birthDate: facts.birthDate,
      sex: facts.sex,
      status: 'employed',
      hiredOn: event.effective,
      leftOn: null,
      schoolId: event.schoolId,
      schoolSince: event.effective,
      stage: event.stage,
      post: event.post,
      subject: event.subject,
      channel: event.channel,
      establishment: event.establishment,
      education: event.education,
      title: event.title ?? before?.title ?? 'unrated',
      appointedTitle: event.appointedTitle ?? null,
      backbone: null,
      honors: before?.honors ?? [],
      ethics: before?.ethics ?? {},
      vetoable: before?.vetoable ?? [],
      leave: null,
      lastTransfer: null,
    };
  }
  if (!before) throw new Error(`event ${event.kind} for teacher ${event.teacherId} before any hire`);
  const record: TeacherRecord = { ...before };
  switch (event.kind) {
    case 'transfer':
      record.lastTransfer = { kind: event.transferKind, fromSchoolId: before.schoolId, effective: event.effective };
      record.schoolId = event.toSchoolId;
      record.schoolSince = event.effective;
      record.stage = event.stage ?? before.stage;
      record.post = event.post ?? before.post;
      if (event.subject !== undefined) record.subject = event.subject;
      break;
    case 'assignment':
      record.stage = event.stage ?? before.stage;
      record.post = event.post ?? before.post;
      record.establishment = event.establishment ?? before.establishment;
      if (event.subject !== undefined) record.subject = event.subject;
      break;
    case 'education':
      record.education = event.education;
      break;
    case 'title_promotion':
      record.title = event.title;
      record.vetoable = [
        ...before.vetoable,
        { action: 'title_promotion', year: event.reviewYear ?? yearOf(event.effective), effective: event.effective },
      ];
      break;
    case 'appointment':
      record.appointedTitle = event.title;
      // Only a raise is a 岗位晋升 that 一票否决 can block.
      if (TITLES[event.title].rank > TITLES[before.appointedTitle ?? 'unrated'].rank) {
        record.vetoable = [
          ...before.vetoable,
          { action: 'appointment', year: yearOf(event.effective), effective: event.effective },
        ];
      }
      break;
    case 'backbone':
      record.backbone = { level: event.level, tier: event.tier ?? null, year: event.year, until: event.until ?? null };
      record.vetoable = [...before.vetoable, { action: 'backbone', year: event.year, effective: event.effective }];
      break;
    case 'honor':
      record.honors = [
        ...before.honors,
        { level: event.level, name: event.name, year: event.year, effective: event.effective },
      ];
      record.vetoable = [...before.vetoable, { action: 'honor', year: event.year, effective: event.effective }];
      break;
    case 'ethics_review':
      record.ethics = { ...before.ethics, [event.year]: event.result };
      break;
    case 'leave':
      record.leave = { from: event.effective, to: event.to ?? null };
      break;
    case 'return':
      record.leave = null;
      break;
    case 'retirement':
    case 'resignation':
    case 'death':
      record.status = event.kind === 'retirement' ? 'retired' : event.kind === 'resignation' ? 'resigned' : 'deceased';
      record.leftOn = event.effective;
      record.leave = null;
      break;
  }
  return record;
}

/** One teacher on the roster date: the record plus what holds on that date. */
export interface RosterEntry extends TeacherRecord {
  onLeave: boolean;
  /** 骨干 level in force on the roster date (a lapsed recognition gives null). */
  activeBackbone: BackboneLevel | null;
}

export interface Roster {
  asOf: string;
  /** Every teacher hired on or before `asOf`, employed or not, in teacherId order. */
  entries: RosterEntry[];
}

export interface RejectedEvent {
  event: TeacherEvent;
  reasons: string[];
}

export interface FoldOptions {
  ethicsPolicy?: EthicsPolicy;
}

/**
 * Folds the events effective on or before `asOf` into the roster of that date. An event that fails `validateEvent`
 * against the state before it is skipped and returned in `rejected` with its Chinese reasons, so the fold is total
 * even over bad history.
 */
export function foldEvents(
  events: readonly TeacherEvent[],
  asOf: string,
  options: FoldOptions = {},
): { roster: Roster; rejected: RejectedEvent[] } {
  const policy = options.ethicsPolicy ?? DEFAULT_ETHICS_POLICY;
  const records = new Map<number, TeacherRecord>();
  const rejected: RejectedEvent[] = [];
  const idHolders = new Map<string, number>();
  for (const event of orderEvents(events)) {
    if (event.effective > asOf) break;
    const before = records.get(event.teacherId);
    const reasons = validateEvent(event, before, { ethicsPolicy: policy });
    // One person, one record: the same ID number on two employed teachers is a double entry.
    const holder = event.kind === 'hire' ? records.get(idHolders.get(event.idNumber) ?? -1) : undefined;
    if (holder && holder.teacherId !== event.teacherId) {
      reasons.push(`该身份证号已登记在其他在职教师名下（${holder.name}，教师编号${holder.teacherId}）`);
    }
    if (reasons.length > 0) {
      rejected.push({ event, reasons });
      continue;
    }
    const after = applyEvent(before, event);
    records.set(event.teacherId, after);
    if (after.status === 'employed') idHolders.set(after.idNumber, after.teacherId);
    else if (idHolders.get(after.idNumber) === after.teacherId) idHolders.delete(after.idNumber);
  }
  const entries = [...records.values()]
    .sort((a, b) => a.teacherId - b.teacherId)
    .map((record) => ({ ...record, onLeave: onLeaveOn(record, asOf), activeBackbone: backboneOn(record, asOf) }));
  return { roster: { asOf, entries }, rejected };
}

/** The roster on `asOf` (valid events only; see `foldEvents` for the rejected ones). */
export function rosterAsOf(events: readonly TeacherEvent[], asOf: string, options: FoldOptions = {}): Roster {
  return foldEvents(events, asOf, options).roster;
}

/** The teachers employed on the roster date (on leave or not). */
export function employed(roster: Roster): RosterEntry[] {
  return roster.entries.filter((entry) => entry.status === 'employed');
}
