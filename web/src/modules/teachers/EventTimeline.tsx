import { Empty, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../shared/labels';
import { describeEvent, EVENT_COLORS } from './describeEvent';
import { eventLabel } from './labels';
import type { TeacherEventRow } from './types';

/** The teacher's history, newest first: what changed, from when, who recorded it; revoked entries struck through. */
export function EventTimeline({
  events,
  onRevoke,
}: {
  events: TeacherEventRow[];
  onRevoke?: (event: TeacherEventRow) => void;
}) {
  if (!events.length) return <Empty description="暂无变动记录" />;
  return (
    <Timeline
      items={events.map((e) => {
        const revoked = e.revoked_at !== null;
        const unqualified = e.kind === 'ethics_review' && e.details.result === 'unqualified';
        return {
          key: e.id,
          color: revoked ? 'gray' : unqualified ? 'red' : (EVENT_COLORS[e.kind] ?? 'blue'),
          content: (
            <div>
              <div>
                <span style={{ fontWeight: 600 }}>{e.effective_date}</span>
                <Tag style={{ marginLeft: 8 }} color={revoked ? 'default' : EVENT_COLORS[e.kind]}>
                  {eventLabel(e.kind)}
                </Tag>
                {revoked && <Tag color="red">已撤销</Tag>}
              </div>
              <div style={revoked ? { textDecoration: 'line-through', color: '#9ca3af' } : undefined}>
                {describeEvent(e)}
              </div>
              {e.note && <div className="jg-muted">依据：{e.note}</div>}
              {revoked && (
                <div style={{ color: '#b91c1c', fontSize: 12 }}>
                  撤销原因：{e.revoke_reason}（{e.revoked_by_name ?? '系统'} · {formatDateTime(e.revoked_at)}）
                </div>
              )}
              <div className="jg-muted" style={{ fontSize: 12 }}>
                登记：{e.recorded_by_name ?? '系统'} · {formatDateTime(e.recorded_at)}
                {onRevoke && !revoked && (
                  <Typography.Link style={{ fontSize: 12, marginLeft: 12 }} onClick={() => onRevoke(e)}>
                    撤销
                  </Typography.Link>
                )}
              </div>
            </div>
          ),
        };
      })}
    />
  );
}
