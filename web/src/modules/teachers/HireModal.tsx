import { checkIdCard, idCardFacts } from '@domain/codes/id-card';
import { SCHOOL_TYPES } from '@domain/org/school-types';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api, qs } from '../../api/client';
import { useSchoolOptions } from './hooks';
import {
  channelOptions,
  educationOptions,
  establishmentOptions,
  postOptions,
  sexLabel,
  stageOptions,
  subjectOptions,
  titleOptions,
} from './labels';

interface HireValues {
  idNumber: string;
  name: string;
  ethnicity?: string;
  phone?: string;
  effective: Dayjs;
  schoolId: number;
  stage: string;
  post: string;
  subject?: string;
  channel: string;
  establishment: string;
  education: string;
  title?: string;
  appointedTitle?: string;
}

// 劳务派遣 and 代课 hires have that 编制 (the server checks the same rule).
const ESTABLISHMENT_OF_CHANNEL: Record<string, string> = { dispatch: 'dispatched', substitute: 'substitute' };

/** The 学段 a school of this type teaches (a 九年一贯制 school: 小学 and 初中). */
function stagesOf(type: string | undefined): readonly string[] {
  return type ? (SCHOOL_TYPES[type as keyof typeof SCHOOL_TYPES]?.stages ?? []) : [];
}

/** 登记新入职教师: the person (ID number checked here and again by the server) and their hire. */
export function HireModal(props: { countyCode: string; onClose(): void; onSaved(id: number): void }) {
  const [form] = Form.useForm<HireValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const schools = useSchoolOptions(props.countyCode);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const schoolId = Form.useWatch('schoolId', form);
  const post = Form.useWatch('post', form);
  const checked = idNumber.trim().length === 18 ? checkIdCard(idNumber) : undefined;
  const facts = checked?.ok ? idCardFacts(checked.value) : undefined;
  const schoolStages = stagesOf(schools.data?.find((s) => s.id === schoolId)?.type);
  const stages = schoolStages.length ? stageOptions.filter((o) => schoolStages.includes(o.value)) : stageOptions;

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setServerError(undefined);
    try {
      const body = {
        ...values,
        idNumber: values.idNumber.trim().toUpperCase(),
        effective: values.effective.format('YYYY-MM-DD'),
        subject: values.subject ?? null,
        ethnicity: values.ethnicity || null,
        phone: values.phone || null,
        title: values.title || undefined,
        appointedTitle: values.appointedTitle || null,
      };
      const created = await api<{ teacherId: number }>(`/api/teachers${qs({ county: props.countyCode })}`, { body });
      message.success(`已登记${values.name}入职`);
      await client.invalidateQueries({ queryKey: ['teachers'] });
      props.onSaved(created.teacherId);
      props.onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length)
        form.setFields(e.issues.map((i) => ({ name: i.path as keyof HireValues, errors: [i.message] })));
      setServerError(e instanceof Error ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="登记新入职教师"
      onCancel={props.onClose}
      onOk={save}
      confirmLoading={saving}
      okText="登记入职"
      width={720}
      destroyOnHidden
    >
      {serverError && <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ethnicity: '汉族',
          effective: dayjs(),
          post: 'full_time_teacher',
          channel: 'open_recruitment',
          establishment: 'in_establishment',
          education: 'bachelor',
          title: 'unrated',
        }}
        onValuesChange={(changed: Partial<HireValues>) => {
          if (changed.channel && ESTABLISHMENT_OF_CHANNEL[changed.channel])
            form.setFieldValue('establishment', ESTABLISHMENT_OF_CHANNEL[changed.channel]);
          if (changed.schoolId)
            form.setFieldValue('stage', stagesOf(schools.data?.find((s) => s.id === changed.schoolId)?.type)[0]);
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="idNumber"
              label="身份证号"
              extra={
                facts
                  ? `出生日期 ${facts.birthDate}，性别${sexLabel(facts.sex)}（由身份证号得出）`
                  : '出生日期和性别由身份证号得出，无需填写'
              }
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    const result = checkIdCard(value ?? '');
                    if (!result.ok) throw new Error(result.reason);
                  },
                },
              ]}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ethnicity" label="民族">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label="联系电话" extra="列表与导出中脱敏显示">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="schoolId" label="任职学校" rules={[{ required: true, message: '请选择任职学校' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={schools.isLoading}
                options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="effective" label="入职日期" rules={[{ required: true, message: '请选择入职日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="stage" label="任教学段" rules={[{ required: true, message: '请选择任教学段' }]}>
              <Select options={stages} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="post" label="岗位类别" rules={[{ required: true, message: '请选择岗位类别' }]}>
              <Select options={postOptions} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="subject"
              label="主要任教学科"
              rules={[{ required: post === 'full_time_teacher', message: '专任教师须填写任教学科' }]}
            >
              <Select options={subjectOptions} allowClear showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="channel" label="补充渠道" rules={[{ required: true, message: '请选择补充渠道' }]}>
              <Select options={channelOptions} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="establishment" label="编制情况" rules={[{ required: true, message: '请选择编制情况' }]}>
              <Select options={establishmentOptions} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="education" label="最高学历" rules={[{ required: true, message: '请选择最高学历' }]}>
              <Select options={educationOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="title" label="职称" extra="县外调入时填写已取得的职称">
              <Select options={titleOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="appointedTitle" label="聘任岗位等级" extra="评聘分开时填写，不高于职称">
              <Select options={titleOptions} allowClear />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
