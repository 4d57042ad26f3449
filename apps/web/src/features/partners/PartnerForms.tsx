import { useMutation } from '@apollo/client/react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { ORG_KIND_LABELS_ZH } from '@ipfund/shared';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { articleZh } from './partnerDisplay';
import { errorText } from '../../lib/ErrorAlert';
import {
  ADMIT_PARTNER,
  DISQUALIFY_PARTNER,
  RETIRE_PARTNER,
  type AdmitPartnerVariables,
  type PartnerKindValue,
  type PartnerRow,
} from './partners.graphql';

type AdmitForm = AdmitPartnerVariables['input'];

const KIND_OPTIONS: { value: PartnerKindValue; label: string }[] = [
  { value: 'LENDING_BANK', label: ORG_KIND_LABELS_ZH.LENDING_BANK },
  { value: 'GUARANTOR', label: ORG_KIND_LABELS_ZH.GUARANTOR },
];

/** 准入合作机构 (Art 5, 8); a guarantor needs its financing-guarantee licence (Art 14). */
export function AdmitPartnerModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AdmitForm>();
  const kind = Form.useWatch('kind', form);
  const licenceArticle = provisionArticle(usePolicy(), 'guarantorSharing');
  const cite = licenceArticle ? `（${articleZh(licenceArticle)}）` : '';
  const [admit, { loading }] = useMutation(ADMIT_PARTNER, { refetchQueries: ['Partners'] });

  async function submit(values: AdmitForm) {
    try {
      await admit({ variables: { input: values } });
      message.success(`已准入：${values.name}`);
      form.resetFields();
      onClose();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Modal
      title="准入合作机构"
      open={open}
      okText="准入"
      cancelText="取消"
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'LENDING_BANK' }}>
        <Form.Item name="kind" label="机构类型" rules={[{ required: true }]}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="name"
          label="机构全称"
          rules={[{ required: true, whitespace: true, message: '请输入机构全称' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label="简称">
          <Input />
        </Form.Item>
        <Form.Item
          name="licenceNo"
          label="融资担保业务经营许可证编号"
          extra={kind === 'GUARANTOR' ? `合作担保机构须具备融资担保业务经营许可证${cite}` : undefined}
          rules={[
            {
              required: kind === 'GUARANTOR',
              whitespace: true,
              message: `担保机构须填写许可证编号${cite}`,
            },
          ]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export type StatusChange = { partner: PartnerRow; to: 'RETIRED' | 'DISQUALIFIED' };

/** 退出合作 (Art 15) or 取消合作资格 (Art 25): the partner stays on record; its users can no longer act. */
export function StatusChangeModal({ change, onClose }: { change: StatusChange | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [retire, { loading: retiring }] = useMutation(RETIRE_PARTNER, { refetchQueries: ['Partners'] });
  const [disqualify, { loading: disqualifying }] = useMutation(DISQUALIFY_PARTNER, {
    refetchQueries: ['Partners'],
  });
  const isRetire = change?.to === 'RETIRED';
  const policy = usePolicy();
  const article = provisionArticle(policy, isRetire ? 'partnerRetirement' : 'partnerDisqualification');
  const cite = article ? `（${articleZh(article)}）` : '';

  async function submit({ reason }: { reason: string }) {
    if (!change) return;
    const variables = { orgId: change.partner.id, reason };
    try {
      if (change.to === 'RETIRED') await retire({ variables });
      else await disqualify({ variables });
      message.success(isRetire ? '已办理退出' : '已取消合作资格');
      form.resetFields();
      onClose();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Modal
      title={`${isRetire ? '退出合作' : '取消合作资格'}${cite}`}
      open={!!change}
      okText={isRetire ? '确认退出' : '确认取消资格'}
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={retiring || disqualifying}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${change?.partner.name ?? ''}将保留在档，其用户将立即无法登录和操作。`}
      />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="原因"
          rules={[{ required: true, whitespace: true, message: '请填写原因' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
