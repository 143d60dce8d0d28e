import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError, api, qs } from '../../api/client';
import type { Page, SchoolRow } from '../../api/types';

export type LifecycleKind = 'rename' | 'merge' | 'close';

const TITLES: Record<LifecycleKind, string> = { rename: '学校更名', merge: '学校撤并', close: '学校撤销' };
const HINTS: Record<LifecycleKind, string> = {
  rename: '更名自生效日期起生效，之前日期查询时仍显示原名称。',
  merge: '撤并后本校停止办学，其下属教学点划转到并入学校；历史数据保留可查。',
  close: '撤销后本校停止办学；须先处理其下属教学点。历史数据保留可查。',
};

/** The dated changes of a school's life: rename, 撤并 into another school, 撤销. */
export function LifecycleModal(props: {
  kind: LifecycleKind;
  school: { id: number; name: string; county_code: string };
  onClose(): void;
}) {
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [saving, setSaving] = useState(false);
  const targets = useQuery({
    queryKey: ['schools', 'merge-targets', props.school.county_code],
    queryFn: () =>
      api<Page<SchoolRow>>(`/api/schools${qs({ county: props.school.county_code, status: 'open', pageSize: 200 })}`),
    enabled: props.kind === 'merge',
  });

  const submit = async () => {
    const values = await form.validateFields();
    const body = { ...values, effectiveDate: values.effectiveDate.format('YYYY-MM-DD') };
    const confirmed = await modal.confirm({
      title: `确认${TITLES[props.kind]}？`,
      content:
        props.kind === 'rename'
          ? `“${props.school.name}”将自${body.effectiveDate}起更名为“${body.name}”。`
          : `“${props.school.name}”将自${body.effectiveDate}起停止办学。此操作会记入审计日志。`,
      okText: '确认',
      cancelText: '取消',
    });
    if (!confirmed) return;
    setSaving(true);
    try {
      await api(`/api/schools/${props.school.id}/${props.kind}`, { body });
      message.success(`${TITLES[props.kind]}已办理`);
      await client.invalidateQueries();
      props.onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length)
        form.setFields(e.issues.map((i) => ({ name: i.path, errors: [i.message] })));
      else message.error(e instanceof Error ? e.message : '办理失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${TITLES[props.kind]}：${props.school.name}`}
      onCancel={props.onClose}
      onOk={submit}
      confirmLoading={saving}
      okText="办理"
      destroyOnHidden
    >
      <Alert type="info" showIcon title={HINTS[props.kind]} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical">
        {props.kind === 'rename' && (
          <Form.Item
            name="name"
            label="新名称"
            rules={[{ required: true, min: 2, max: 60, message: '请输入2至60个字的新名称' }]}
          >
            <Input />
          </Form.Item>
        )}
        {props.kind === 'merge' && (
          <Form.Item name="intoSchoolId" label="并入学校" rules={[{ required: true, message: '请选择并入的学校' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={targets.isLoading}
              options={(targets.data?.items ?? [])
                .filter((s) => s.id !== props.school.id && s.type !== 'teaching_point')
                .map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="effectiveDate" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item name="note" label="依据或说明" extra="如批复文号">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
