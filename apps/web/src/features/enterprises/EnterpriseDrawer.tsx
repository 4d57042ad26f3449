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
import { can } from '../../app/access';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { articleZh } from '../partners/partnerDisplay';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { IP_KIND_OPTIONS } from './EnterpriseForms';
import { ipKindLabel } from './enterpriseDisplay';
import {
  ADD_IP_ASSET,
  ENTERPRISE_QUERY,
  PROPOSE_BLACKLIST,
  type AddIpAssetVariables,
  type IpAssetRow,
} from './enterprises.graphql';

const IP_COLUMNS: TableColumnsType<IpAssetRow> = [
  { title: '类型', dataIndex: 'kind', render: (k: string) => ipKindLabel(k) },
  { title: '登记号', dataIndex: 'registrationNo' },
  { title: '名称', dataIndex: 'title' },
];

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
  const { message } = App.useApp();
  const blacklistArticle = provisionArticle(usePolicy(), 'blacklist');
  const citeBlacklist = blacklistArticle ? `，${articleZh(blacklistArticle)}` : '';
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
      message.success('已登记');
      ipForm.resetFields();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  async function submitProposal({ reason }: { reason: string }) {
    if (!enterpriseId) return;
    try {
      await propose({ variables: { enterpriseId, reason } });
      message.success('已提交区知识产权局决定');
      proposeForm.resetFields();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Drawer
      title={e?.name ?? '企业详情'}
      size={760}
      open={!!enterpriseId}
      onClose={onClose}
      destroyOnHidden
      loading={loading && !e}
    >
      {error && <ErrorAlert title="企业信息加载失败" error={error} />}
      {e && (
        <>
          {e.blacklisted && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={`已取消申请资格（黑名单${citeBlacklist}），自 ${e.blacklistedSince} 起发放的贷款不纳入风险补偿`}
              description={e.blacklistReason}
            />
          )}
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'name', label: '企业名称', children: e.name, span: 2 },
              { key: 'code', label: '统一社会信用代码', children: e.creditCode, span: 2 },
              { key: 'district', label: '所在区', children: e.district || '—' },
              { key: 'industry', label: '所属行业', children: e.industry || '—' },
              {
                key: 'status',
                label: '资格',
                span: 2,
                children: e.blacklisted ? <Tag color="red">黑名单</Tag> : <Tag color="green">正常</Tag>,
              },
            ]}
          />
          <Divider titlePlacement="start">知识产权（可质押的专利、商标）</Divider>
          <Table
            rowKey="id"
            size="small"
            columns={IP_COLUMNS}
            dataSource={e.ipAssets}
            pagination={false}
            locale={{ emptyText: '尚未登记专利或商标' }}
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
                <Select options={IP_KIND_OPTIONS} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item
                name="registrationNo"
                rules={[{ required: true, whitespace: true, message: '请输入登记号' }]}
              >
                <Input placeholder="专利号 / 商标注册号" />
              </Form.Item>
              <Form.Item name="title" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
                <Input placeholder="名称" />
              </Form.Item>
              <Form.Item>
                <Button htmlType="submit" loading={adding}>
                  登记知识产权
                </Button>
              </Form.Item>
            </Form>
          )}
          {(hasPendingProposal || can(e, 'blacklist.propose')) && !e.blacklisted && (
            <>
              <Divider titlePlacement="start">
                提请列入黑名单{blacklistArticle ? `（${articleZh(blacklistArticle)}）` : ''}
              </Divider>
              {hasPendingProposal ? (
                <Alert type="info" showIcon title="已有提议等待区知识产权局决定" />
              ) : (
                <Form form={proposeForm} layout="vertical" onFinish={submitProposal}>
                  <Form.Item
                    name="reason"
                    label="理由（有履行能力而到期拒不还款的情况）"
                    rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
                  >
                    <Input.TextArea rows={3} />
                  </Form.Item>
                  <Space>
                    <Button danger htmlType="submit" loading={proposing}>
                      提交区知识产权局决定
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
