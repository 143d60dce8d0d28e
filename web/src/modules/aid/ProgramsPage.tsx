import { Alert, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { AidHeader, TermSelect } from './AidHeader';
import { useAidPrograms, useAidTerms, useProgramNames } from './hooks';
import {
  BASIS_LABELS,
  categoryLabel,
  groupLabel,
  stageLabel,
  termText,
  UNIT_LABELS,
  VERIFICATION_LABELS,
} from './labels';
import type { ProgramView } from './types';

const PER: Record<string, string> = { term: '学期', once: '次', day: '天', year: '年' };

function Verification({ value }: { value: string }) {
  const v = VERIFICATION_LABELS[value];
  return v ? <Tag color={v.color}>{v.label}</Tag> : <Tag>{value}</Tag>;
}

/** 项目与标准: each program with the standard in force in a term, and every period on record behind it. */
export default function ProgramsPage() {
  const { county } = useSession();
  const [params, setParams] = useSearchParams();
  const terms = useAidTerms(county?.code);
  const term = params.get('term') ?? undefined;
  const programs = useAidPrograms(county?.code, term);
  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  const shown = programs.data?.term;
  return (
    <div className="jg-page">
      <AidHeader
        subtitle="国家资助项目标准只读并注明依据；本县自设项目和本地标准由资助中心配置"
        extra={
          <TermSelect
            value={shown}
            terms={terms.data}
            onChange={(v) => setParams(v ? { term: v } : {}, { replace: true })}
          />
        }
      />
      {programs.error && <Alert type="error" showIcon title={`加载失败：${(programs.error as Error).message}`} />}
      <Card title={`${termText(shown)}执行的资助标准`}>
        <Table<ProgramView>
          rowKey="id"
          size="middle"
          data-testid="aid-programs"
          loading={programs.isLoading}
          dataSource={programs.data?.programs}
          pagination={false}
          expandable={{ expandedRowRender: (p) => <ProgramDetail program={p} /> }}
          columns={[
            {
              title: '资助项目',
              dataIndex: 'name',
              render: (name: string, p) => (
                <Space size={4}>
                  {name}
                  {p.local && <Tag color="blue">本县</Tag>}
                </Space>
              ),
            },
            { title: '学段', dataIndex: 'stages', render: (s: string[]) => s.map(stageLabel).join('、') },
            { title: '统计口径', dataIndex: 'reportGroup', render: groupLabel },
            {
              title: '当期标准',
              key: 'current',
              render: (_: unknown, p) =>
                p.current ? (
                  <Space size={4} wrap>
                    {p.current.tiers.map((t) => (
                      <Tag key={t.id}>
                        {t.label} {(t.fen / 100).toLocaleString('zh-CN')}元/{PER[t.per] ?? t.per}
                      </Tag>
                    ))}
                    {p.current.grades && <span className="jg-muted">（{p.current.grades.join('、')}年级）</span>}
                  </Space>
                ) : (
                  <Typography.Text type="warning">该学期无标准</Typography.Text>
                ),
            },
            {
              title: '执行自',
              key: 'from',
              render: (_: unknown, p) => (p.current ? termText(p.current.from) : '—'),
            },
            {
              title: '依据',
              key: 'verification',
              render: (_: unknown, p) => (p.current ? <Verification value={p.current.verification} /> : null),
            },
          ]}
        />
      </Card>
    </div>
  );
}

function ProgramDetail({ program }: { program: ProgramView }) {
  const { county } = useSession();
  const name = useProgramNames(county?.code);
  return (
    <div style={{ padding: '4px 0' }}>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 8 }}
        items={[
          {
            label: '资助对象',
            children: program.requiresCategory
              ? program.eligibleCategories
                ? program.eligibleCategories.map(categoryLabel).join('、')
                : '须经家庭经济困难认定'
              : '符合条件的全体学生',
          },
          { label: '经费分担', children: program.funding.note },
          {
            label: '不得同时享受',
            children: program.exclusiveWith.length ? program.exclusiveWith.map(name).join('、') : '无',
          },
          ...(program.oncePerPerson ? [{ label: '发放次数', children: '每人限一次' }] : []),
        ]}
      />
      <Periods program={program} />
    </div>
  );
}

function Periods({ program }: { program: ProgramView }) {
  return (
    <Table
      rowKey={(r) => `${r.origin}-${r.from}`}
      size="small"
      pagination={false}
      dataSource={program.periods}
      locale={{ emptyText: '没有资助标准记录' }}
      columns={[
        { title: '起始学期', dataIndex: 'from', width: 150, render: termText },
        { title: '计发方式', dataIndex: 'basis', width: 110, render: (b: string) => BASIS_LABELS[b] ?? b },
        {
          title: '标准',
          key: 'tiers',
          render: (_: unknown, r) =>
            r.tiers.length
              ? r.tiers.map((t) => `${t.label}${t.yuan.toLocaleString('zh-CN')}元`).join('，') +
                `（${UNIT_LABELS[r.unit] ?? r.unit}）`
              : '未规定全国标准，须由本县配置',
        },
        {
          title: '来源',
          dataIndex: 'origin',
          width: 90,
          render: (o: string) => (o === 'local' ? <Tag color="blue">本县</Tag> : <Tag>国家</Tag>),
        },
        { title: '依据文件', dataIndex: 'source', ellipsis: true },
      ]}
    />
  );
}
