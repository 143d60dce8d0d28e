import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api, qs } from '../../api/client';
import { ownershipOptions, schoolTypeOptions, urbanRuralOptions } from '../../shared/labels';
import { useTownships } from './useTownships';

export interface SchoolFormValues {
  code: string;
  name: string;
  type: string;
  ownership: string;
  urbanRural: string;
  townshipId: number;
  parentCode?: string;
  creditCode?: string;
  address?: string;
  openedOn?: Dayjs;
}

/** Create a school, or (with `schoolId`) correct its record; renames and 撤并 are separate, dated actions. */
export function SchoolFormModal(props: {
  countyCode: string;
  schoolId?: number;
  initial?: Partial<SchoolFormValues>;
  onClose(): void;
  onSaved(id: number): void;
}) {
  const [form] = Form.useForm<SchoolFormValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const townships = useTownships(props.countyCode);
  const [saving, setSaving] = useState(false);
  const type = Form.useWatch('type', form);
  const editing = props.schoolId !== undefined;

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const body = {
        ...values,
        openedOn: values.openedOn ? values.openedOn.format('YYYY-MM-DD') : null,
        parentCode: values.parentCode || null,
        creditCode: values.creditCode || null,
        address: values.address || null,
      };
      let id = props.schoolId;
      if (editing) {
        const { code: _c, name: _n, ...rest } = body;
        await api(`/api/schools/${props.schoolId}`, { method: 'PUT', body: rest });
      } else {
        id = (await api<{ id: number }>(`/api/schools${qs({ county: props.countyCode })}`, { body })).id;
      }
      message.success(editing ? '已保存更正' : '已新建学校');
      await client.invalidateQueries({ queryKey: ['schools'] });
      await client.invalidateQueries({ queryKey: ['school'] });
      props.onSaved(id!);
      props.onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length)
        form.setFields(e.issues.map((i) => ({ name: i.path as keyof SchoolFormValues, errors: [i.message] })));
      else message.error(e instanceof Error ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={editing ? '更正学校信息' : '新建学校'}
      onCancel={props.onClose}
      onOk={save}
      confirmLoading={saving}
      okText="保存"
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ownership: 'public',
          ...props.initial,
          openedOn: props.initial?.openedOn ? dayjs(props.initial.openedOn) : undefined,
        }}
      >
        <Form.Item
          name="code"
          label="学校标识码"
          rules={[{ required: true, pattern: /^\d{10}$/, message: '请输入10位学校标识码' }]}
          hidden={editing}
        >
          <Input maxLength={10} placeholder="如 2114552301" />
        </Form.Item>
        <Form.Item
          name="name"
          label="学校名称"
          rules={[{ required: true, min: 2, max: 60, message: '请输入2至60个字的学校名称' }]}
          hidden={editing}
        >
          <Input />
        </Form.Item>
        <Form.Item name="type" label="学校类型" rules={[{ required: true, message: '请选择学校类型' }]}>
          <Select options={schoolTypeOptions} />
        </Form.Item>
        <Form.Item name="ownership" label="办学性质" rules={[{ required: true, message: '请选择办学性质' }]}>
          <Select options={ownershipOptions} />
        </Form.Item>
        <Form.Item name="urbanRural" label="城乡类型" rules={[{ required: true, message: '请选择城乡类型' }]}>
          <Select options={urbanRuralOptions} />
        </Form.Item>
        <Form.Item name="townshipId" label="所属乡镇" rules={[{ required: true, message: '请选择所属乡镇' }]}>
          <Select options={(townships.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
        {type === 'teaching_point' && (
          <Form.Item
            name="parentCode"
            label="所属学校标识码"
            rules={[{ required: true, message: '教学点须填写所属学校' }]}
          >
            <Input maxLength={10} />
          </Form.Item>
        )}
        <Form.Item name="creditCode" label="统一社会信用代码" extra="18位；公办学校以12开头">
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="openedOn" label="建校日期">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
