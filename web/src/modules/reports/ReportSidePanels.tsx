import { LockOutlined } from '@ant-design/icons';
import type { checkDraft } from '@domain/report/check';
import { Card, Empty, Tag } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import type { FlagState } from './convert';
import { FLAG_LABELS } from './labels';
import type { FactSource, ReportVersionRow } from './types';

type Check = ReturnType<typeof checkDraft>;

/** A few characters either side of a hand-typed number, to find it by. */
function around(run: string, number: string): string {
  const at = Math.max(0, run.indexOf(number));
  const from = Math.max(0, at - 10);
  const text = run.slice(from, at + number.length + 10).replace(/^[，。；、：]+/, '');
  return `${from > 0 ? '…' : ''}${text}${at + number.length + 10 < run.length ? '…' : ''}`;
}

const SWATCH: Record<FlagState, CSSProperties> = {
  current: { background: 'rgba(219, 234, 254, 0.9)', borderBottom: '2px solid #93c5fd' },
  edited: { background: '#ffedd5', borderBottom: '2px solid #ea580c' },
  stale: { background: '#fee2e2', borderBottom: '2px solid #dc2626' },
  missing: { background: '#fee2e2', borderBottom: '2px solid #dc2626' },
  untagged: { background: '#fef08a', outline: '1px dashed #ca8a04' },
};

const ORDER: FlagState[] = ['current', 'edited', 'stale', 'missing', 'untagged'];

/** Counts of figures by state and the list of those to look at: the live check of the text being edited. */
export function CheckPanel({ check, facts }: { check: Check; facts: Record<string, FactSource> }) {
  const counts = Object.fromEntries(ORDER.map((s) => [s, 0])) as Record<FlagState, number>;
  for (const f of check.figures) counts[f.state]++;
  counts.untagged = check.untagged.length;
  const issues = [
    ...check.figures
      .map((f, index) => ({ f, key: `figure-${index}` }))
      .filter(({ f }) => f.state !== 'current')
      .map(({ f, key }) => ({
        key,
        state: f.state as FlagState,
        text: f.text,
        what: facts[f.factId.replace(/#threshold$/, '')]?.label ?? f.factId,
      })),
    ...check.untagged.map((u, index) => ({
      key: `untagged-${index}`,
      state: 'untagged' as const,
      text: u.number,
      what: around(u.run, u.number),
    })),
  ];
  return (
    <Card size="small" title={`数字核对（${check.figures.length}个数字）`} data-testid="report-check">
      {ORDER.map((state) => (
        <div key={state} className="jg-report-issue" data-testid={`check-${state}`} data-count={counts[state]}>
          <span>
            <span className="jg-flag-swatch" style={SWATCH[state]} />
            {FLAG_LABELS[state].label}
          </span>
          <b style={{ color: state !== 'current' && counts[state] ? '#c2410c' : undefined }}>{counts[state]}</b>
        </div>
      ))}
      {issues.length > 0 ? (
        <div style={{ marginTop: 10, maxHeight: 'calc(100vh - 420px)', overflowY: 'auto' }} data-testid="check-issues">
          {issues.slice(0, 30).map((issue) => (
            <div key={issue.key} style={{ padding: '3px 0', fontSize: 13 }}>
              <Tag color={FLAG_LABELS[issue.state].color}>{FLAG_LABELS[issue.state].label}</Tag>
              <b>{issue.text}</b>
              <div className="jg-muted" style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {issue.what}
              </div>
            </div>
          ))}
          {issues.length > 30 && <div className="jg-muted">另有{issues.length - 30}处……</div>}
        </div>
      ) : (
        <div className="jg-muted" style={{ marginTop: 10, fontSize: 13 }}>
          文中数字均来自数据，且与最新数据一致。
        </div>
      )}
    </Card>
  );
}

/** Every version of the year's summary, the open one marked. */
export function VersionsPanel({
  versions,
  currentId,
}: {
  versions: ReportVersionRow[] | undefined;
  currentId: number;
}) {
  return (
    <Card size="small" title="各稿" style={{ marginTop: 12 }} data-testid="report-version-list">
      {!versions?.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {versions?.map((v) => (
        <div
          key={v.id}
          className="jg-report-issue"
          style={v.id === currentId ? { background: '#eff6ff', margin: '0 -12px', padding: '4px 12px' } : undefined}
        >
          <span>
            {v.id === currentId ? <b>第{v.version}稿</b> : <Link to={`/reports/${v.id}`}>第{v.version}稿</Link>}
            <div className="jg-muted" style={{ fontSize: 12 }}>
              {v.created_by_name} · {dayjs(v.created_at).format('MM-DD HH:mm')}
              {v.note ? ` · ${v.note}` : ''}
            </div>
          </span>
          {v.approved_at ? (
            <Tag color="green" icon={<LockOutlined />} style={{ alignSelf: 'center' }}>
              已审定
            </Tag>
          ) : (
            <Tag style={{ alignSelf: 'center' }}>{v.origin === 'generated' ? '生成' : '修改'}</Tag>
          )}
        </div>
      ))}
    </Card>
  );
}
