import { useMutation } from '@apollo/client/react';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import {
  AdminCreateOfficeDocument,
  AdminUpdateOfficeDocument,
  type AdminOfficeFieldsFragment,
} from '../../generated/graphql';
import { OFFICE_KIND_LABELS } from './admin';
import { OFFICE_FIELD_RULES, officeInput, type OfficeFormValues } from './organisation-forms';

/**
 * 新建单位 / 编辑单位: name, short name, kind and the office above it. `attempt` is the page's
 * (app/useActionProblem): a refusal from responsibility shows above the page and the modal stays.
 */
export function OfficeModal({
  open,
  office,
  offices,
  attempt,
  onClose,
}: {
  open: boolean;
  /** The office being edited; none for a new one. */
  office: AdminOfficeFieldsFragment | undefined;
  offices: readonly AdminOfficeFieldsFragment[];
  attempt: (action: () => Promise<unknown>) => Promise<boolean>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<OfficeFormValues>();
  const [createOffice, creating] = useMutation(AdminCreateOfficeDocument);
  const [updateOffice, updating] = useMutation(AdminUpdateOfficeDocument);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (office) {
      form.setFieldsValue({
        name: office.name,
        shortName: office.shortName,
        kind: office.kind,
        parentId: office.parent?.id ?? null,
      });
    }
  }, [open, office, form]);

  const save = async (values: OfficeFormValues) => {
    const input = officeInput(values);
    const done = await attempt(() =>
      office
        ? updateOffice({
            variables: { input: { id: office.id, ...input, kind: input.kind as never } },
          })
        : createOffice({ variables: { input: { ...input, kind: input.kind as never } } }),
    );
    if (done) onClose();
  };

  return (
    <Modal
      open={open}
      title={office ? `编辑单位：${office.name}` : '新建单位'}
      okText={office ? '保存' : '新建'}
      cancelText="取消"
      confirmLoading={creating.loading || updating.loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form
        form={form}
        name="office"
        layout="vertical"
        initialValues={{ kind: 'LOWER' }}
        onFinish={save}
      >
        <Form.Item name="name" label="单位名称" rules={OFFICE_FIELD_RULES.name}>
          <Input placeholder="如：中共道里区委办公室" />
        </Form.Item>
        <Form.Item name="shortName" label="单位简称" rules={OFFICE_FIELD_RULES.shortName}>
          <Input placeholder="如：道里区委办" />
        </Form.Item>
        <Form.Item
          name="kind"
          label="单位类别"
          rules={[{ required: true, message: '请选择单位类别' }]}
        >
          <Select
            options={Object.entries(OFFICE_KIND_LABELS).map(([value, label]) => ({
              value,
              label,
            }))}
          />
        </Form.Item>
        <Form.Item name="parentId" label="上级单位">
          <Select
            allowClear
            placeholder="无"
            options={offices
              .filter((o) => o.id !== office?.id)
              .map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
