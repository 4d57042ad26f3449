import { useMutation } from '@apollo/client/react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
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

/** The kinds a partner is admitted as (labels: the shell's orgKind.*). */
const KINDS: readonly PartnerKindValue[] = ['LENDING_BANK', 'GUARANTOR'];

/** 准入合作机构 (Art 5, 8); a guarantor needs its financing-guarantee licence (Art 14). */
export function AdmitPartnerModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdmitForm>();
  const kind = Form.useWatch('kind', form);
  const licenceArticle = provisionArticle(usePolicy(), 'guarantorSharing');
  const cite = licenceArticle ? t('partners.cite', { article: articleZh(licenceArticle) }) : '';
  const [admit, { loading }] = useMutation(ADMIT_PARTNER, { refetchQueries: ['Partners'] });

  async function submit(values: AdmitForm) {
    try {
      await admit({ variables: { input: values } });
      message.success(t('partners.admit.done', { name: values.name }));
      form.resetFields();
      onClose();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Modal
      title={t('partners.admit.title')}
      open={open}
      okText={t('partners.admit.ok')}
      cancelText={t('partners.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'LENDING_BANK' }}>
        <Form.Item name="kind" label={t('partners.admit.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('partners.admit.name')}
          rules={[{ required: true, whitespace: true, message: t('partners.admit.nameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label={t('partners.list.shortName')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="licenceNo"
          label={t('partners.admit.licenceNo')}
          extra={kind === 'GUARANTOR' ? t('partners.admit.licenceExtra', { cite }) : undefined}
          rules={[
            {
              required: kind === 'GUARANTOR',
              whitespace: true,
              message: t('partners.admit.licenceRequired', { cite }),
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
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [retire, { loading: retiring }] = useMutation(RETIRE_PARTNER, { refetchQueries: ['Partners'] });
  const [disqualify, { loading: disqualifying }] = useMutation(DISQUALIFY_PARTNER, {
    refetchQueries: ['Partners'],
  });
  const isRetire = change?.to === 'RETIRED';
  const policy = usePolicy();
  const article = provisionArticle(policy, isRetire ? 'partnerRetirement' : 'partnerDisqualification');
  const cite = article ? t('partners.cite', { article: articleZh(article) }) : '';

  async function submit({ reason }: { reason: string }) {
    if (!change) return;
    const variables = { orgId: change.partner.id, reason };
    try {
      if (change.to === 'RETIRED') await retire({ variables });
      else await disqualify({ variables });
      message.success(
        isRetire ? t('partners.statusChange.retired') : t('partners.statusChange.disqualified'),
      );
      form.resetFields();
      onClose();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Modal
      title={
        isRetire
          ? t('partners.statusChange.retireTitle', { cite })
          : t('partners.statusChange.disqualifyTitle', { cite })
      }
      open={!!change}
      okText={
        isRetire ? t('partners.statusChange.confirmRetire') : t('partners.statusChange.confirmDisqualify')
      }
      okButtonProps={{ danger: true }}
      cancelText={t('partners.cancel')}
      confirmLoading={retiring || disqualifying}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('partners.statusChange.warning', { name: change?.partner.name ?? '' })}
      />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('partners.statusChange.reason')}
          rules={[{ required: true, whitespace: true, message: t('partners.statusChange.reasonRequired') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
