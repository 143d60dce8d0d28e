import { Alert, Button, Card, Col, Input, Row, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { download } from '../../api/client';
import type { ImportIssue, ImportJob } from './types';

function IssueTable({ issues, testId }: { issues: ImportIssue[]; testId: string }) {
  return (
    <Table<ImportIssue>
      data-testid={testId}
      size="small"
      rowKey={(i) => `${i.row}-${i.column}-${i.message}`}
      dataSource={issues}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
      columns={[
        { title: '行号', dataIndex: 'row', width: 80, render: (r: number) => `第${r}行` },
        { title: '列', dataIndex: 'column', width: 160, render: (c: string | null) => c ?? '—' },
        { title: '问题', dataIndex: 'message' },
        {
          title: '级别',
          dataIndex: 'severity',
          width: 80,
          render: (s: string) => (s === 'error' ? <Tag color="red">错误</Tag> : <Tag color="gold">提示</Tag>),
        },
      ]}
    />
  );
}

function ChangeCell({ before, after }: { before: unknown; after: unknown }) {
  if (JSON.stringify(before) === JSON.stringify(after)) return <span>{String(after ?? '')}</span>;
  return (
    <span>
      <span className="jg-diff-del">{String(before ?? '（空）')}</span> →{' '}
      <span className="jg-diff-add">{String(after ?? '（空）')}</span>
    </span>
  );
}

/** What a validation found: errors by row and column, or the counts, warnings, changes and preview of a clean file. */
export function ImportResult({
  job,
  onCommit,
  onRestart,
  committing,
}: {
  job: ImportJob;
  onCommit?: (explanations: Record<number, string>) => void;
  onRestart: () => void;
  committing?: boolean;
}) {
  const [explanations, setExplanations] = useState<Record<number, string>>({});
  const errors = job.issues.filter((i) => i.severity === 'error');
  const warnings = job.issues.filter((i) => i.severity === 'warning');
  // Plausibility warnings that still need a reason, grouped by row: the file commits only once each has one.
  const toExplain = [
    ...new Map(
      job.issues
        .filter((i) => i.needsExplanation && !i.explained)
        .map((i) => [i.row, job.issues.filter((x) => x.row === i.row && x.needsExplanation)]),
    ).entries(),
  ];
  const missing = toExplain.filter(([row]) => (explanations[row] ?? '').trim().length < 2).length;
  if (job.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title="导入失败，未写入任何数据"
        description={job.message}
        action={<Button onClick={onRestart}>重新上传</Button>}
      />
    );
  }
  if (job.status === 'rejected') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Alert
          type="error"
          showIcon
          title={`发现 ${job.errorCount} 处错误（涉及 ${job.rejected} 行），整个文件未写入任何数据`}
          description="请按下表的行号和列修改文件后重新上传；也可下载校验结果，在Excel中对照修改。"
          action={
            <Space orientation="vertical">
              <Button onClick={() => download(`/api/imports/jobs/${job.id}/issues`)}>下载校验结果</Button>
              <Button type="primary" onClick={onRestart}>
                重新上传
              </Button>
            </Space>
          }
        />
        <IssueTable issues={[...errors, ...warnings]} testId="import-issues" />
      </Space>
    );
  }
  const preview = job.preview;
  const headers = preview?.rows.headers ?? [];
  const previewRows = (preview?.rows.rows ?? []).map((cells) =>
    Object.fromEntries(headers.map((h, i) => [h, cells[i]])),
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {job.status === 'committed' ? (
        <Alert
          type="success"
          showIcon
          title={`导入完成：新增 ${job.inserted} 条，更新 ${job.updated} 条，无变化 ${job.unchanged} 条`}
          description="本次导入已记入审计日志，更新前后的数据可在审计日志中查看。"
          action={<Button onClick={onRestart}>继续导入</Button>}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          title={`校验通过：共 ${job.totalRows} 行，确认后将在一个事务中写入`}
          description="重复导入同一文件不会产生变化；写入过程中如出错，将整体回退。"
        />
      )}
      <Row gutter={16}>
        {[
          { title: '新增', value: job.inserted, color: '#15803d' },
          { title: '更新', value: job.updated, color: '#1d4ed8' },
          { title: '无变化', value: job.unchanged, color: '#6b7280' },
          { title: '提示', value: job.warningCount, color: '#b45309' },
        ].map((s) => (
          <Col span={6} key={s.title}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} suffix="条" styles={{ content: { color: s.color } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Tabs
        items={[
          {
            key: 'preview',
            label: `数据预览（前${previewRows.length}行）`,
            children: (
              <Table
                size="small"
                rowKey="行号"
                scroll={{ x: 'max-content' }}
                pagination={false}
                dataSource={previewRows}
                columns={headers.map((h) => ({ title: h, dataIndex: h }))}
              />
            ),
          },
          {
            key: 'changes',
            label: `将更新的记录（${job.updated}）`,
            children: (
              <Table
                size="small"
                rowKey="row"
                pagination={false}
                dataSource={preview?.changes ?? []}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '标识', dataIndex: 'key', width: 130 },
                  {
                    title: '变化',
                    render: (_: unknown, c: { before: Record<string, unknown>; after: Record<string, unknown> }) => (
                      <Space wrap>
                        {Object.keys(c.after)
                          .filter((k) => JSON.stringify(c.before?.[k]) !== JSON.stringify(c.after[k]))
                          .map((k) => (
                            <span key={k}>
                              {k}：<ChangeCell before={c.before?.[k]} after={c.after[k]} />
                            </span>
                          ))}
                      </Space>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'warnings',
            label: `提示（${warnings.length}）`,
            children: <IssueTable issues={warnings} testId="import-warnings" />,
          },
        ]}
      />
      {job.status === 'validated' && toExplain.length > 0 && (
        <Card
          size="small"
          title={`以下 ${toExplain.length} 行数据异常，需要说明原因后才能导入`}
          data-testid="explanations"
        >
          {job.message && <Alert type="warning" showIcon title={job.message} style={{ marginBottom: 12 }} />}
          <Space orientation="vertical" style={{ width: '100%' }}>
            {toExplain.map(([row, issues]) => (
              <div
                key={row}
                style={{ display: 'grid', gridTemplateColumns: '70px 1fr 360px', gap: 12, alignItems: 'center' }}
              >
                <Tag color="gold">第{row}行</Tag>
                <div>
                  {issues.map((i) => (
                    <div key={i.message}>
                      {i.column ? `【${i.column}】` : ''}
                      {i.message}
                    </div>
                  ))}
                </div>
                <Input
                  placeholder="填写原因，如：撤并学校学生转入"
                  maxLength={500}
                  value={explanations[row] ?? ''}
                  onChange={(e) => setExplanations({ ...explanations, [row]: e.target.value })}
                  aria-label={`第${row}行说明`}
                />
              </div>
            ))}
          </Space>
        </Card>
      )}
      {job.status === 'validated' && onCommit && (
        <Space>
          <Button
            type="primary"
            size="large"
            onClick={() => onCommit(explanations)}
            loading={committing}
            disabled={missing > 0}
            data-testid="commit-import"
          >
            确认导入
          </Button>
          {missing > 0 && <span className="jg-muted">还有{missing}行需要填写说明</span>}
          <Button size="large" onClick={onRestart}>
            取消，重新上传
          </Button>
        </Space>
      )}
    </Space>
  );
}
