import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { describeEvent } from './describeEvent';
import type { TeacherEventRow } from './types';

/** 撤销 a mistaken event: it stays on the timeline, struck through, with the reason. */
export function RevokeModal({ event, onClose }: { event: TeacherEventRow; onClose(): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();

  const save = async () => {
    const { reason } = await form.validateFields();
    setSaving(true);
    setServerError(undefined);
    try {
      await api(`/api/teacher-events/${event.id}/revoke`, { body: { reason: reason.trim() } });
      message.success('已撤销该记录');
      await client.invalidateQueries({ queryKey: ['teacher'] });
      await client.invalidateQueries({ queryKey: ['teachers'] });
      onClose();
    } catch (e) {
      setServerError(e instanceof Error ? e.message : '撤销失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="撤销变动记录"
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okText="撤销"
      okButtonProps={{ danger: true }}
      destroyOnHidden
    >
      {serverError && <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} />}
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${event.effective_date} ${describeEvent(event)}`}
        description="撤销后该记录不再计入名册，但仍保留在时间线上并注明原因；操作记入审计日志。"
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="撤销原因"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写撤销原因（至少2个字）' }]}
        >
          <Input.TextArea rows={2} maxLength={200} placeholder="如 学校选错，应为城关镇第二小学" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
