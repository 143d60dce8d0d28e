/**
 * The disbursement batch workflow (PRODUCT.md §4: state machines declared once): states, transitions, who may take
 * them and whether a comment is required. A paid batch is final; a mistake in it is corrected by a new batch of
 * adjusting rows.
 */
import type { Permission } from '../../domain/auth/roles';

export const BATCH_STATUSES = {
  draft: '待提交',
  submitted: '待审核',
  reviewed: '待发放',
  paid: '已发放',
} as const;
export type BatchStatus = keyof typeof BATCH_STATUSES;

export interface BatchTransition {
  label: string;
  from: readonly BatchStatus[];
  to: BatchStatus;
  permission: Permission;
  /** The school (or the 资助中心 for its own lists) takes it; otherwise only a county-wide account. */
  byOwner: boolean;
  commentRequired: boolean;
}

export const BATCH_TRANSITIONS = {
  // The school sends its lists to the 资助中心.
  submit: {
    label: '提交审核',
    from: ['draft'],
    to: 'submitted',
    permission: 'aid.import',
    byOwner: true,
    commentRequired: false,
  },
  // The 资助中心 sends them back with the reason; the school fixes the lists and submits again.
  return: {
    label: '退回修改',
    from: ['submitted', 'reviewed'],
    to: 'draft',
    permission: 'aid.review',
    byOwner: false,
    commentRequired: true,
  },
  review: {
    label: '审核通过',
    from: ['submitted'],
    to: 'reviewed',
    permission: 'aid.review',
    byOwner: false,
    commentRequired: false,
  },
  // After the bank has paid the file exported for the batch: the date, the total, and the batch is locked.
  pay: {
    label: '确认发放',
    from: ['reviewed'],
    to: 'paid',
    permission: 'aid.review',
    byOwner: false,
    commentRequired: false,
  },
} as const satisfies Record<string, BatchTransition>;
export type BatchAction = keyof typeof BATCH_TRANSITIONS;

export function isBatchAction(value: string): value is BatchAction {
  return Object.hasOwn(BATCH_TRANSITIONS, value);
}

/** Why a transition cannot be taken from a status, in Chinese; undefined when it can. */
export function transitionProblem(action: BatchAction, status: BatchStatus): string | undefined {
  const transition: BatchTransition = BATCH_TRANSITIONS[action];
  if (transition.from.includes(status)) return undefined;
  if (status === 'paid') return '该批次已发放，已锁定，不能再变更；如需调整请登记更正';
  return `批次当前为“${BATCH_STATUSES[status]}”，不能${transition.label}`;
}

/** The actions open from a status, in declaration order. */
export function actionsFrom(status: BatchStatus): BatchAction[] {
  return (Object.keys(BATCH_TRANSITIONS) as BatchAction[]).filter((action) =>
    (BATCH_TRANSITIONS[action].from as readonly BatchStatus[]).includes(status),
  );
}
