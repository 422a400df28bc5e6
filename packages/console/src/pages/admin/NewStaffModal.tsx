import { useMutation } from '@apollo/client/react';
import { Form, Input, Modal, Select } from 'antd';
import { AdminCreateStaffDocument } from '../../generated/graphql';
import { CLASSIFICATION_LABELS } from '../workbench/workbench';
import { ROLE_LABELS } from './admin';
import {
  STAFF_FIELD_RULES,
  newStaffInput,
  placementProblem,
  type NewStaffValues,
} from './organisation-forms';

type Choice = { id: string; name: string };

/**
 * 新建人员: name, title, where they belong (a division, or an office for people outside any),
 * roles, clearance and phone. A refusal from responsibility shows through the page's `attempt`.
 */
export function NewStaffModal({
  open,
  offices,
  divisions,
  attempt,
  onClose,
}: {
  open: boolean;
  offices: readonly Choice[];
  divisions: readonly Choice[];
  attempt: (action: () => Promise<unknown>) => Promise<boolean>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<NewStaffValues>();
  const [createStaff, creating] = useMutation(AdminCreateStaffDocument);
  const placement = {
    validator: async () => {
      const problem = placementProblem(form.getFieldsValue(['officeId', 'divisionId']));
      if (problem) throw new Error(problem);
    },
  };

  const save = async (values: NewStaffValues) => {
    const input = newStaffInput(values);
    const done = await attempt(() =>
      createStaff({
        variables: {
          input: { ...input, roles: input.roles as never, clearance: input.clearance as never },
        },
      }),
    );
    if (done) {
      form.resetFields();
      onClose();
    }
  };

  return (
    <Modal
      open={open}
      title="新建人员"
      okText="新建"
      cancelText="取消"
      confirmLoading={creating.loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form
        form={form}
        name="newStaff"
        layout="vertical"
        initialValues={{ roles: ['STAFF'], clearance: 'INTERNAL' }}
        onFinish={save}
      >
        <Form.Item name="name" label="姓名" rules={STAFF_FIELD_RULES.name}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label="职务" rules={STAFF_FIELD_RULES.title}>
          <Input placeholder="如：一级主任科员" />
        </Form.Item>
        <Form.Item name="divisionId" label="所在处室">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="处室以外的人员（如厅领导）可不选"
            options={divisions.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="officeId"
          label="所属单位"
          dependencies={['divisionId']}
          rules={[placement]}
          extra="选了处室时可不填：人员属于处室所在单位"
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={offices.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label="角色"
          rules={[{ required: true, message: '至少需要一个角色' }]}
        >
          <Select
            mode="multiple"
            options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item
          name="clearance"
          label="涉密等级"
          rules={[{ required: true, message: '请选择涉密等级' }]}
        >
          <Select
            options={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({
              value,
              label,
            }))}
          />
        </Form.Item>
        <Form.Item name="phone" label="电话" rules={STAFF_FIELD_RULES.phone}>
          <Input placeholder="如：0451-84670101" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
