import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { articleZh } from '../partners/partnerDisplay';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { ipKindOptions } from './EnterpriseForms';
import { ipKindLabel } from './enterpriseDisplay';
import {
  ADD_IP_ASSET,
  ENTERPRISE_QUERY,
  PROPOSE_BLACKLIST,
  type AddIpAssetVariables,
  type IpAssetRow,
} from './enterprises.graphql';

type IpForm = Omit<AddIpAssetVariables['input'], 'enterpriseId'>;

/**
 * Details of one enterprise with its patents and trademarks; adding IP and proposing to blacklist
 * (Art 21) as the enterprise's `viewerCan` allows.
 */
export function EnterpriseDrawer({
  enterpriseId,
  hasPendingProposal,
  onClose,
}: {
  enterpriseId: string | null;
  hasPendingProposal: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const blacklistArticle = provisionArticle(usePolicy(), 'blacklist');
  const citeBlacklist = blacklistArticle
    ? t('enterprises.drawer.citeAfterComma', { article: articleZh(blacklistArticle) })
    : '';
  const ipColumns: TableColumnsType<IpAssetRow> = [
    { title: t('enterprises.field.kind'), dataIndex: 'kind', render: (k: string) => ipKindLabel(k) },
    { title: t('enterprises.field.registrationNo'), dataIndex: 'registrationNo' },
    { title: t('enterprises.field.title'), dataIndex: 'title' },
  ];
  const [ipForm] = Form.useForm<IpForm>();
  const [proposeForm] = Form.useForm<{ reason: string }>();
  const { data, loading, error } = useQuery(ENTERPRISE_QUERY, {
    variables: { id: enterpriseId ?? '' },
    skip: !enterpriseId,
    fetchPolicy: 'cache-and-network',
  });
  const [addIp, { loading: adding }] = useMutation(ADD_IP_ASSET, {
    refetchQueries: ['Enterprise', 'Enterprises'],
  });
  const [propose, { loading: proposing }] = useMutation(PROPOSE_BLACKLIST, {
    refetchQueries: ['BlacklistProposals'],
  });
  const e = data?.enterprise;

  async function submitIp(values: IpForm) {
    if (!enterpriseId) return;
    try {
      await addIp({ variables: { input: { ...values, enterpriseId } } });
      message.success(t('enterprises.drawer.ipRecorded'));
      ipForm.resetFields();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  async function submitProposal({ reason }: { reason: string }) {
    if (!enterpriseId) return;
    try {
      await propose({ variables: { enterpriseId, reason } });
      message.success(t('enterprises.drawer.proposed'));
      proposeForm.resetFields();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Drawer
      title={e?.name ?? t('enterprises.drawer.titleLoading')}
      size={760}
      open={!!enterpriseId}
      onClose={onClose}
      destroyOnHidden
      loading={loading && !e}
    >
      {error && <ErrorAlert title={t('enterprises.drawer.loadFailed')} error={error} />}
      {e && (
        <>
          {e.blacklisted && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('enterprises.drawer.blacklistedAlert', {
                cite: citeBlacklist,
                date: e.blacklistedSince,
              })}
              description={e.blacklistReason}
            />
          )}
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'name', label: t('enterprises.field.name'), children: e.name, span: 2 },
              { key: 'code', label: t('enterprises.field.creditCode'), children: e.creditCode, span: 2 },
              { key: 'district', label: t('enterprises.field.district'), children: e.district || '—' },
              { key: 'industry', label: t('enterprises.field.industry'), children: e.industry || '—' },
              {
                key: 'status',
                label: t('enterprises.field.eligibility'),
                span: 2,
                children: e.blacklisted ? (
                  <Tag color="red">{t('enterprises.blacklisted')}</Tag>
                ) : (
                  <Tag color="green">{t('enterprises.eligible')}</Tag>
                ),
              },
            ]}
          />
          <Divider titlePlacement="start">{t('enterprises.drawer.ipSection')}</Divider>
          <Table
            rowKey="id"
            size="small"
            columns={ipColumns}
            dataSource={e.ipAssets}
            pagination={false}
            locale={{ emptyText: t('enterprises.drawer.ipEmpty') }}
          />
          {can(e, 'enterprise.addIpAsset') && (
            <Form
              form={ipForm}
              layout="inline"
              onFinish={submitIp}
              initialValues={{ kind: 'PATENT' }}
              style={{ marginTop: 12, rowGap: 8 }}
            >
              <Form.Item name="kind" rules={[{ required: true }]}>
                <Select options={ipKindOptions()} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item
                name="registrationNo"
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('enterprises.drawer.registrationNoRequired'),
                  },
                ]}
              >
                <Input placeholder={t('enterprises.drawer.registrationNoPlaceholder')} />
              </Form.Item>
              <Form.Item
                name="title"
                rules={[{ required: true, whitespace: true, message: t('enterprises.drawer.titleRequired') }]}
              >
                <Input placeholder={t('enterprises.field.title')} />
              </Form.Item>
              <Form.Item>
                <Button htmlType="submit" loading={adding}>
                  {t('enterprises.drawer.addIp')}
                </Button>
              </Form.Item>
            </Form>
          )}
          {(hasPendingProposal || can(e, 'blacklist.propose')) && !e.blacklisted && (
            <>
              <Divider titlePlacement="start">
                {t('enterprises.drawer.proposeSection', {
                  cite: blacklistArticle
                    ? t('enterprises.cite', { article: articleZh(blacklistArticle) })
                    : '',
                })}
              </Divider>
              {hasPendingProposal ? (
                <Alert type="info" showIcon title={t('enterprises.drawer.pendingProposal')} />
              ) : (
                <Form form={proposeForm} layout="vertical" onFinish={submitProposal}>
                  <Form.Item
                    name="reason"
                    label={t('enterprises.drawer.reason')}
                    rules={[
                      { required: true, whitespace: true, message: t('enterprises.drawer.reasonRequired') },
                    ]}
                  >
                    <Input.TextArea rows={3} />
                  </Form.Item>
                  <Space>
                    <Button danger htmlType="submit" loading={proposing}>
                      {t('enterprises.drawer.submitProposal')}
                    </Button>
                  </Space>
                </Form>
              )}
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
