import { EDUCATION_LEVELS, TITLES } from '@domain/teachers/vocab';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { useSchoolOptions } from './hooks';
import {
  backboneOptions,
  educationOptions,
  establishmentOptions,
  ethicsOptions,
  eventLabel,
  honorLevelOptions,
  postOptions,
  stageOptions,
  subjectOptions,
  tierOptions,
  titleOptions,
  transferKindOptions,
} from './labels';
import type { TeacherDetail } from './types';

type Teacher = TeacherDetail['teacher'];
type Values = Record<string, string | number | Dayjs | null | undefined>;

const HINTS: Record<string, string> = {
  transfer: '调动自生效日期起生效；学段、岗位、学科不变时无需修改。',
  assignment: '同一学校内学段、岗位、任教学科或编制的变化（如特岗教师服务期满入编）。',
  title_promotion: '已取得的职称（评）。该年度师德考核不合格的，不能晋升（一票否决）。',
  appointment: '实际聘任的岗位等级（聘），不能高于已取得的职称。',
  backbone: '该年度师德考核不合格的，不能认定（一票否决）。',
  honor: '该年度师德考核不合格的，不能表彰（一票否决）。',
  ethics_review: '考核结果为“不合格”的，当年度职称晋升、岗位晋升、骨干认定和表彰一票否决。',
  leave: '产假、病假、进修等；休假期间仍占编制，不计入学科在岗教师。',
  retirement: '生效日期为退休后的第一天。',
  resignation: '生效日期为离职后的第一天。',
};

/** The event kinds that can follow the teacher's current state. */
function kindsFor(teacher: Teacher, today: string): string[] {
  if (teacher.status === 'deceased') return [];
  if (teacher.status !== 'employed') return ['ethics_review', 'death'];
  const onLeave =
    !!teacher.leave_from && teacher.leave_from <= today && (!teacher.leave_to || teacher.leave_to >= today);
  return [
    'transfer',
    'assignment',
    'education',
    'title_promotion',
    'appointment',
    'backbone',
    'honor',
    'ethics_review',
    onLeave ? 'return' : 'leave',
    'retirement',
    'resignation',
    'death',
  ];
}

/** The event as the API takes it: only the fields of its kind, and for moves only what changes. */
function eventBody(kind: string, values: Values, teacher: Teacher) {
  const date = (key: string) => (values[key] ? (values[key] as Dayjs).format('YYYY-MM-DD') : undefined);
  const changed = (key: 'stage' | 'post' | 'subject' | 'establishment') => {
    const next = values[key] ?? null;
    return next === (teacher[key] ?? null) ? undefined : next;
  };
  const event: Record<string, unknown> = { kind, effective: date('effective') };
  if (kind === 'transfer' || kind === 'assignment') {
    Object.assign(event, { stage: changed('stage'), post: changed('post'), subject: changed('subject') });
    if (kind === 'assignment') event.establishment = changed('establishment');
    else Object.assign(event, { toSchoolId: values.toSchoolId, transferKind: values.transferKind });
  }
  for (const key of ['education', 'title', 'level', 'tier', 'name', 'result', 'reason'])
    if (values[key] !== undefined && values[key] !== '') event[key] = values[key];
  for (const key of ['year', 'reviewYear']) if (values[key]) event[key] = Number(values[key]);
  if (date('until')) event.until = date('until');
  if (date('to')) event.to = date('to');
  return event;
}

/** 登记变动: one form per event kind with only the fields that kind needs; the server applies the roster rules. */
export function EventModal({ teacher, today, onClose }: { teacher: Teacher; today: string; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const schools = useSchoolOptions(teacher.county_code);
  const kinds = kindsFor(teacher, today);
  const [kind, setKind] = useState(kinds[0]);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const year = Number(today.slice(0, 4));
  const rank = (table: Record<string, { rank: number }>, key: string | null) => (key ? (table[key]?.rank ?? 0) : 0);

  const save = async () => {
    const values = await form.validateFields();
    const event = eventBody(kind, values, teacher);
    if (kind === 'assignment' && !['stage', 'post', 'subject', 'establishment'].some((k) => event[k] !== undefined)) {
      setServerError('未填写任何变更内容');
      return;
    }
    setSaving(true);
    setServerError(undefined);
    try {
      await api(`/api/teachers/${teacher.id}/events`, { body: { event, note: values.note || null } });
      message.success(`已登记${eventLabel(kind)}`);
      await client.invalidateQueries({ queryKey: ['teacher', String(teacher.id)] });
      await client.invalidateQueries({ queryKey: ['teachers'] });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length)
        form.setFields(e.issues.map((i) => ({ name: i.path.replace(/^event\./, ''), errors: [i.message] })));
      setServerError(e instanceof Error ? e.message : '登记失败');
    } finally {
      setSaving(false);
    }
  };

  const field = (name: string, label: string, node: ReactNode, required = true, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required, message: `请填写${label}` }]}>
      {node}
    </Form.Item>
  );
  const yearInput = <InputNumber min={1990} max={year + 1} style={{ width: '100%' }} suffix="年度" />;
  const teaching = (
    <>
      {field('stage', '任教学段', <Select options={stageOptions} />)}
      {field('post', '岗位类别', <Select options={postOptions} />)}
      {field('subject', '主要任教学科', <Select options={subjectOptions} allowClear />, false)}
    </>
  );
  return (
    <Modal
      open
      title={`登记变动：${teacher.name}`}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okText="登记"
      width={600}
      destroyOnHidden
    >
      {serverError && (
        <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} data-testid="event-error" />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          effective: dayjs(today),
          transferKind: 'exchange_rotation',
          stage: teacher.stage,
          post: teacher.post,
          subject: teacher.subject ?? undefined,
          establishment: teacher.establishment,
          year: kind === 'ethics_review' ? year - 1 : year,
          result: 'qualified',
          level: 'county',
        }}
      >
        <Form.Item label="变动类型" required>
          <Select
            value={kind}
            onChange={(k) => {
              setKind(k);
              setServerError(undefined);
              // 师德考核 is recorded after the year it reviews; recognitions are of the current year.
              form.setFieldsValue({ year: k === 'ethics_review' ? year - 1 : year, title: undefined });
            }}
            options={kinds.map((k) => ({ value: k, label: eventLabel(k) }))}
            aria-label="变动类型"
          />
        </Form.Item>
        {HINTS[kind] && <Alert type="info" showIcon title={HINTS[kind]} style={{ marginBottom: 16 }} />}
        {kind === 'transfer' && (
          <>
            {field(
              'toSchoolId',
              '调入学校',
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={schools.isLoading}
                options={(schools.data ?? [])
                  .filter((s) => s.id !== teacher.school_id)
                  .map((s) => ({ value: s.id, label: s.name }))}
              />,
            )}
            {field('transferKind', '调动方式', <Select options={transferKindOptions} />)}
            {teaching}
          </>
        )}
        {kind === 'assignment' && (
          <>
            {teaching}
            {field('establishment', '编制情况', <Select options={establishmentOptions} />)}
          </>
        )}
        {kind === 'education' &&
          field(
            'education',
            '新的最高学历',
            <Select
              options={educationOptions.filter(
                (o) => rank(EDUCATION_LEVELS, o.value) > rank(EDUCATION_LEVELS, teacher.education),
              )}
            />,
          )}
        {kind === 'title_promotion' && (
          <>
            {field(
              'title',
              '晋升后职称',
              <Select options={titleOptions.filter((o) => rank(TITLES, o.value) > rank(TITLES, teacher.title))} />,
            )}
            {field('reviewYear', '评审年度', yearInput, false, '与生效日期不在同一年时填写')}
          </>
        )}
        {kind === 'appointment' &&
          field(
            'title',
            '聘任岗位等级',
            <Select options={titleOptions.filter((o) => rank(TITLES, o.value) <= rank(TITLES, teacher.title))} />,
          )}
        {kind === 'backbone' && (
          <>
            {field('level', '骨干等级', <Select options={backboneOptions} />)}
            {field('tier', '梯次层级', <Select options={tierOptions} allowClear />, false)}
            {field('year', '认定年度', yearInput)}
            {field('until', '任期截止', <DatePicker style={{ width: '100%' }} />, false)}
          </>
        )}
        {kind === 'honor' && (
          <>
            {field('name', '表彰名称', <Input maxLength={100} placeholder="如 县级优秀教师" />)}
            {field('level', '表彰级别', <Select options={honorLevelOptions} />)}
            {field('year', '表彰年度', yearInput)}
          </>
        )}
        {kind === 'ethics_review' && (
          <>
            {field('year', '考核年度', yearInput)}
            {field('result', '考核结果', <Select options={ethicsOptions} />)}
          </>
        )}
        {kind === 'leave' && (
          <>
            {field('to', '休假结束日期', <DatePicker style={{ width: '100%' }} />, false, '不填则以登记返岗为准')}
            {field('reason', '休假事由', <Input maxLength={100} placeholder="如 产假" />, false)}
          </>
        )}
        {field(
          'effective',
          kind === 'leave' ? '休假开始日期' : '生效日期',
          <DatePicker style={{ width: '100%' }} allowClear={false} />,
        )}
        <Form.Item name="note" label="依据或说明" extra="如文件文号">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
