import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { useSession } from '../../app/session';
import { PageTitle } from '../../shared/PageTitle';
import { EventModal } from './EventModal';
import { EventTimeline } from './EventTimeline';
import {
  ageOn,
  BACKBONE_COLORS,
  backboneLabel,
  channelLabel,
  educationLabel,
  establishmentLabel,
  postLabel,
  sexLabel,
  stageLabel,
  statusLabel,
  subjectLabel,
  TRAINING_LEVEL_COLORS,
  tierLabel,
  titleLabel,
  trainingLevelLabel,
} from './labels';
import { RevealField } from './RevealField';
import { RevokeModal } from './RevokeModal';
import type { TeacherDetail, TeacherEventRow } from './types';

export default function TeacherDetailPage() {
  const { id } = useParams();
  const { can } = useSession();
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<TeacherEventRow>();
  const { data, isLoading, error } = useQuery({
    queryKey: ['teacher', id],
    queryFn: () => api<TeacherDetail>(`/api/teachers/${id}`),
  });
  const today = dayjs().format('YYYY-MM-DD');

  if (isLoading) return <Skeleton active style={{ padding: 24 }} />;
  if (error || !data) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '教师不存在或您无权查看' : '加载失败'}
        subTitle={(error as Error)?.message}
        extra={<Link to="/teachers">返回教师名册</Link>}
      />
    );
  }
  const { teacher: t, events, training } = data;
  const employed = t.status === 'employed';
  const onLeave = employed && !!t.leave_from && t.leave_from <= today && (!t.leave_to || t.leave_to >= today);
  const backbone = employed && t.backbone_level && (!t.backbone_until || t.backbone_until >= today);
  const trainingHours = training.reduce((sum, r) => sum + Number(r.hours), 0);
  const writable = can('teacher.write');

  return (
    <div className="jg-page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/teachers">教师名册</Link> }, { title: t.name }]}
      />
      <PageTitle
        title={
          <Space>
            <span data-testid="teacher-name">{t.name}</span>
            <Tag color={employed ? 'green' : 'default'}>{statusLabel(t.status)}</Tag>
            {onLeave && <Tag color="orange">休假中</Tag>}
            {backbone && (
              <Tag color={BACKBONE_COLORS[t.backbone_level!]}>{backboneLabel(t.backbone_level)}骨干教师</Tag>
            )}
          </Space>
        }
        subtitle={
          <Space size={4}>
            <span>身份证号</span>
            <RevealField teacherId={t.id} field="idNumber" masked={t.id_masked} buttonText="查看完整号码" />
          </Space>
        }
        extra={
          writable &&
          t.status !== 'deceased' && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
              登记变动
            </Button>
          )
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title="基本信息">
            <Descriptions
              column={2}
              size="middle"
              bordered
              styles={{ label: { width: 100, whiteSpace: 'nowrap' } }}
              data-testid="teacher-attributes"
            >
              <Descriptions.Item label="性别">{sexLabel(t.sex)}</Descriptions.Item>
              <Descriptions.Item label="出生日期">
                {t.birth_date}（{ageOn(t.birth_date, today)}岁）
              </Descriptions.Item>
              <Descriptions.Item label="民族">{t.ethnicity ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="联系电话">
                <RevealField teacherId={t.id} field="phone" masked={t.phone_masked} buttonText="查看" />
              </Descriptions.Item>
              <Descriptions.Item label="任职学校">
                {t.school_name ? <Link to={`/schools/${t.school_id}`}>{t.school_name}</Link> : '—'}
                {t.school_since && <div className="jg-muted">{t.school_since}起在本校</div>}
              </Descriptions.Item>
              <Descriptions.Item label="入职日期">{t.hired_on}</Descriptions.Item>
              <Descriptions.Item label="任教学段">{stageLabel(t.stage)}</Descriptions.Item>
              <Descriptions.Item label="岗位类别">{postLabel(t.post)}</Descriptions.Item>
              <Descriptions.Item label="任教学科">{subjectLabel(t.subject)}</Descriptions.Item>
              <Descriptions.Item label="最高学历">{educationLabel(t.education)}</Descriptions.Item>
              <Descriptions.Item label="职称（评）">{titleLabel(t.title)}</Descriptions.Item>
              <Descriptions.Item label="聘任等级（聘）">
                {t.appointed_title ? titleLabel(t.appointed_title) : '与职称相同'}
              </Descriptions.Item>
              <Descriptions.Item label="编制情况">{establishmentLabel(t.establishment)}</Descriptions.Item>
              <Descriptions.Item label="补充渠道">{channelLabel(t.channel)}</Descriptions.Item>
              <Descriptions.Item label="骨干教师" span={2}>
                {t.backbone_level
                  ? `${backboneLabel(t.backbone_level)}${t.backbone_tier ? ` · ${tierLabel(t.backbone_tier)}` : ''}${t.backbone_until ? `，任期至${t.backbone_until}` : ''}`
                  : '—'}
              </Descriptions.Item>
              {t.leave_from && (
                <Descriptions.Item label="休假" span={2}>
                  {t.leave_from} 至 {t.leave_to ?? '返岗'}
                </Descriptions.Item>
              )}
              {!employed && (
                <Descriptions.Item label="离开日期" span={2}>
                  {t.left_on}（{statusLabel(t.status)}）
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card
            title="培训记录"
            extra={
              <span className="jg-muted">
                共 {training.length} 次，{trainingHours.toLocaleString('zh-CN')} 学时
              </span>
            }
            style={{ marginTop: 16 }}
          >
            <Table
              size="small"
              rowKey="id"
              dataSource={training}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description="暂无培训记录" /> }}
              columns={[
                { title: '培训项目', dataIndex: 'name' },
                {
                  title: '级别',
                  dataIndex: 'level',
                  width: 80,
                  render: (l: string) => <Tag color={TRAINING_LEVEL_COLORS[l]}>{trainingLevelLabel(l)}</Tag>,
                },
                {
                  title: '起止日期',
                  key: 'dates',
                  width: 200,
                  render: (_: unknown, r) => `${r.start_date} 至 ${r.end_date}`,
                },
                { title: '学时', dataIndex: 'hours', width: 70, align: 'right' as const },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title="变动时间线"
            extra={<span className="jg-muted">名册状态由以下记录逐条得出</span>}
            data-testid="event-timeline"
          >
            <EventTimeline events={events} onRevoke={writable ? setRevoking : undefined} />
          </Card>
        </Col>
      </Row>
      {recording && <EventModal teacher={t} today={today} onClose={() => setRecording(false)} />}
      {revoking && <RevokeModal event={revoking} onClose={() => setRevoking(undefined)} />}
    </div>
  );
}
