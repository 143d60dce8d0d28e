import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, qs } from '../../api/client';
import type { Page, SchoolRow } from '../../api/types';
import { useSession } from '../../app/session';
import { useTownships } from '../schools/useTownships';
import type { UserRow } from './UserListPage';

interface RoleInfo {
  key: string;
  label: string;
  scopes: string[];
}

const SCOPE_LABELS: Record<string, string> = {
  system: '全系统',
  city: '市级',
  county: '县级',
  township: '学区（乡镇）',
  school: '学校',
};

/** Create an account (its initial password is shown once) or change one's role and scope. */
export function UserFormModal({
  user,
  onClose,
  onCreated,
}: {
  user?: UserRow;
  onClose(): void;
  onCreated(username: string, password: string): void;
}) {
  const { county, me } = useSession();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [saving, setSaving] = useState(false);
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => api<RoleInfo[]>('/api/roles') });
  const role = Form.useWatch('role', form);
  const scopeLevel = Form.useWatch('scopeLevel', form);
  const countyCode = Form.useWatch('countyCode', form) ?? county?.code;
  const townships = useTownships(countyCode);
  const schools = useQuery({
    queryKey: ['schools', 'for-users', countyCode],
    queryFn: () => api<Page<SchoolRow>>(`/api/schools${qs({ county: countyCode, status: 'open', pageSize: 200 })}`),
    enabled: scopeLevel === 'school' && !!countyCode,
  });
  const roleInfo = roles.data?.find((r) => r.key === role);

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const body = {
        ...values,
        countyCode: ['county', 'township', 'school'].includes(values.scopeLevel) ? values.countyCode : null,
        cityCode: values.scopeLevel === 'city' ? county?.code.slice(0, 4).concat('00') : null,
      };
      if (user) {
        const { username: _u, ...rest } = body;
        await api(`/api/users/${user.id}`, { method: 'PUT', body: rest });
        message.success('已保存；该账号需重新登录后生效');
      } else {
        const created = await api<{ id: number; password: string }>('/api/users', { body });
        onCreated(values.username, created.password);
      }
      await client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length)
        form.setFields(e.issues.map((i) => ({ name: i.path, errors: [i.message] })));
      else message.error(e instanceof Error ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={user ? `修改账号：${user.username}` : '新建账号'}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okText="保存"
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.display_name,
                role: user.role,
                scopeLevel: user.scope_level,
                countyCode: user.county_code ?? county?.code,
                townshipId: user.township_id,
                schoolId: user.school_id,
                phone: undefined,
              }
            : { scopeLevel: 'county', countyCode: county?.code }
        }
        onValuesChange={(changed) => {
          if (changed.role) {
            const scopes = roles.data?.find((r) => r.key === changed.role)?.scopes ?? [];
            if (!scopes.includes(form.getFieldValue('scopeLevel')))
              form.setFieldValue('scopeLevel', scopes.includes('county') ? 'county' : scopes[0]);
          }
        }}
      >
        <Form.Item
          name="username"
          label="用户名"
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3至32位字母、数字或 _ . -' }]}
        >
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, max: 30, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            options={(roles.data ?? []).map((r) => ({ value: r.key, label: r.label }))}
            loading={roles.isLoading}
          />
        </Form.Item>
        <Form.Item name="scopeLevel" label="管理范围" rules={[{ required: true, message: '请选择管理范围' }]}>
          <Select
            options={(roleInfo?.scopes ?? [])
              .filter((s) => s !== 'system' || me.scope.level === 'system')
              .map((s) => ({ value: s, label: SCOPE_LABELS[s] }))}
          />
        </Form.Item>
        {['county', 'township', 'school'].includes(scopeLevel) && (
          <Form.Item name="countyCode" label="县区" rules={[{ required: true, message: '请选择县区' }]}>
            <Select options={me.counties.map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))} />
          </Form.Item>
        )}
        {scopeLevel === 'township' && (
          <Form.Item name="townshipId" label="乡镇（学区）" rules={[{ required: true, message: '请选择乡镇' }]}>
            <Select options={(townships.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />
          </Form.Item>
        )}
        {scopeLevel === 'school' && (
          <Form.Item name="schoolId" label="学校" rules={[{ required: true, message: '请选择学校' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={schools.isLoading}
              options={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="phone"
          label="手机号"
          rules={[{ pattern: /^1\d{10}$/, message: '11位手机号' }]}
          extra={user ? '不修改请留空；列表中手机号脱敏显示' : undefined}
        >
          <Input maxLength={11} />
        </Form.Item>
        {!user && (
          <Typography.Text type="secondary">
            保存后系统生成初始密码，仅显示一次；该账号首次登录须修改密码。
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
