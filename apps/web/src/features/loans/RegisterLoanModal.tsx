import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { apiErrorText } from './apiError';
import { articleLabel, compareYuan, LOAN_PURPOSES, normalizeYuan, reasonText } from './loanDisplay';
import { REGISTER_LOAN_MUTATION, REGISTRATION_OPTIONS_QUERY, type LoanRow } from './loans.graphql';

interface Values {
  enterpriseId: string;
  collateralIds: string[];
  contractNo: string;
  principal: string;
  kind: 'PURE' | 'COMBINATION';
  ipPledgedPrincipal?: string;
  guarantorId?: string;
  issuedOn: Dayjs;
  maturesOn: Dayjs;
  purpose: string;
}

/** "（第21条）" for a provision of the policy in force; nothing when the policy has none. */
function cite(article: string | undefined): string {
  return article ? `（${articleLabel(article)}）` : '';
}

const amountRule = {
  validator: (_: unknown, value: string | undefined) =>
    !value || normalizeYuan(value)
      ? Promise.resolve()
      : Promise.reject(new Error('请输入金额（元，最多两位小数）')),
};

/**
 * 登记贷款 (Art 2, 4, 11, 13): a bank registers a loan it issued. The API decides coverage with the
 * measures in force on the issue date; the answer (covered or not, with reasons) is shown here.
 */
export function RegisterLoanModal({ onClose }: { onClose: () => void }) {
  const { message, modal } = App.useApp();
  const policy = usePolicy();
  const [form] = Form.useForm<Values>();
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const kind = Form.useWatch('kind', form);
  const {
    data,
    loading,
    error: optionsError,
  } = useQuery(REGISTRATION_OPTIONS_QUERY, { fetchPolicy: 'network-only' });
  const [register, { loading: saving, error }] = useMutation(REGISTER_LOAN_MUTATION, {
    refetchQueries: 'active',
  });

  const enterprise = data?.borrowerOptions.find((e) => e.id === enterpriseId);
  const businessDate = data?.portalInfo.businessDate;

  const onOk = async () => {
    const v = await form.validateFields();
    const principal = normalizeYuan(v.principal)!;
    const ipPledged = v.kind === 'PURE' ? principal : normalizeYuan(v.ipPledgedPrincipal ?? '')!;
    try {
      const res = await register({
        variables: {
          input: {
            enterpriseId: v.enterpriseId,
            contractNo: v.contractNo.trim(),
            principal,
            ipPledgedPrincipal: ipPledged,
            guarantorId: v.guarantorId ?? null,
            issuedOn: v.issuedOn.format('YYYY-MM-DD'),
            maturesOn: v.maturesOn.format('YYYY-MM-DD'),
            purpose: v.purpose,
            collateralIds: v.collateralIds ?? [],
          },
        },
      });
      const loan = res.data?.registerLoan;
      if (loan) showOutcome(loan);
      onClose();
    } catch {
      // shown in the dialog through `error`
    }
  };

  const showOutcome = (loan: LoanRow) => {
    if (loan.covered) {
      message.success(`贷款 ${loan.contractNo} 已登记，纳入风险补偿范围`);
      return;
    }
    modal.warning({
      title: `贷款 ${loan.contractNo} 已登记，但不予风险补偿`,
      content: (
        <ul style={{ paddingInlineStart: 18 }}>
          {loan.coverageReasons.map((r) => (
            <li key={r.code}>{reasonText(r)}</li>
          ))}
        </ul>
      ),
    });
  };

  return (
    <Modal
      open
      title="登记贷款"
      okText="登记"
      width={720}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      {optionsError && (
        <Alert type="error" showIcon title="加载企业和担保机构失败" description={optionsError.message} />
      )}
      {error && <ErrorAlert title="登记失败" description={apiErrorText(error)} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'PURE', purpose: 'RND', collateralIds: [] }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('enterpriseId' in changed) form.setFieldValue('collateralIds', []);
        }}
      >
        <Form.Item
          name="enterpriseId"
          label="借款企业"
          rules={[{ required: true, message: '请选择企业' }]}
          extra="可选择本行已放款或已录入企业库的企业"
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={loading}
            placeholder="选择企业"
            options={data?.borrowerOptions.map((e) => ({
              value: e.id,
              label: `${e.name}（${e.creditCode}）${e.blacklistedSince ? ' · 已列入黑名单' : ''}`,
            }))}
          />
        </Form.Item>
        {enterprise?.blacklistedSince && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`该企业自 ${enterprise.blacklistedSince} 起被取消享受风险补偿资格${cite(provisionArticle(policy, 'blacklist'))}，此后发放的贷款不予补偿`}
          />
        )}
        <Form.Item
          name="collateralIds"
          label="质押知识产权"
          extra="须为借款企业自有的专利权或商标专用权；不选则不予补偿"
        >
          {enterprise ? (
            enterprise.ipAssets.length ? (
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                options={enterprise.ipAssets.map((a) => ({
                  value: a.id,
                  label: `${a.kind === 'PATENT' ? '专利' : '商标'} ${a.registrationNo} ${a.title}`,
                }))}
              />
            ) : (
              <Typography.Text type="secondary">该企业尚无登记的专利或商标</Typography.Text>
            )
          ) : (
            <Typography.Text type="secondary">先选择企业</Typography.Text>
          )}
        </Form.Item>
        <Form.Item
          name="contractNo"
          label="合同编号"
          rules={[
            { required: true, whitespace: true, message: '请输入合同编号' },
            { max: 64, message: '最多 64 个字符' },
          ]}
        >
          <Input placeholder="本行贷款合同编号（本行内唯一）" />
        </Form.Item>
        <Space size="large" wrap style={{ width: '100%' }}>
          <Form.Item
            name="principal"
            label="贷款本金（元）"
            rules={[{ required: true, message: '请输入本金' }, amountRule]}
          >
            <Input inputMode="decimal" placeholder="例如 3000000.00" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="kind" label={`贷款方式${cite(provisionArticle(policy, 'riskSharing'))}`}>
            <Radio.Group
              options={[
                { value: 'PURE', label: '纯知识产权质押' },
                { value: 'COMBINATION', label: '组合贷款' },
              ]}
            />
          </Form.Item>
          {kind === 'COMBINATION' && (
            <Form.Item
              name="ipPledgedPrincipal"
              label="其中知识产权质押部分（元）"
              dependencies={['principal']}
              rules={[
                { required: true, message: '请输入质押部分' },
                amountRule,
                ({ getFieldValue }) => ({
                  validator: (_: unknown, value: string | undefined) => {
                    const ip = value ? normalizeYuan(value) : null;
                    const principal = normalizeYuan(getFieldValue('principal') ?? '');
                    if (ip && principal && compareYuan(ip, principal) > 0) {
                      return Promise.reject(new Error('质押部分不能超过本金'));
                    }
                    if (ip && compareYuan(ip, '0.00') === 0)
                      return Promise.reject(new Error('质押部分须大于零'));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <Input inputMode="decimal" style={{ width: 220 }} />
            </Form.Item>
          )}
        </Space>
        <Form.Item
          name="guarantorId"
          label={`担保机构（三方贷款）${cite(provisionArticle(policy, 'guarantorSharing'))}`}
        >
          <Select
            allowClear
            placeholder="无（两方贷款）"
            options={data?.guarantorOptions.map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="issuedOn" label="放款日" rules={[{ required: true, message: '请选择放款日' }]}>
            <DatePicker
              disabledDate={(d) => (businessDate ? d.isAfter(dayjs(businessDate), 'day') : false)}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item
            name="maturesOn"
            label="到期日"
            dependencies={['issuedOn']}
            rules={[
              { required: true, message: '请选择到期日' },
              ({ getFieldValue }) => ({
                validator: (_: unknown, value: Dayjs | undefined) => {
                  const issued = getFieldValue('issuedOn') as Dayjs | undefined;
                  return value && issued && value.isBefore(issued, 'day')
                    ? Promise.reject(new Error('到期日不能早于放款日'))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="purpose" label="贷款用途" rules={[{ required: true }]}>
            <Select
              style={{ width: 240 }}
              options={LOAN_PURPOSES.map((p) => ({
                value: p.value,
                label: p.allowed ? p.label : `${p.label}（不予补偿）`,
              }))}
            />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          是否纳入风险补偿由系统按放款日有效的办法判定；不予补偿的贷款也会登记并标明原因，但不能申请补偿。
          银行被中止期间发放的贷款不予补偿{cite(provisionArticle(policy, 'bankSuspension'))}。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
