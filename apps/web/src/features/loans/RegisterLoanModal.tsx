import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Segmented,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { provisionArticle } from '../../app/policy';
import { usePolicy, useViewerPermissions } from '../../app/useViewer';
import type { LoanPurpose } from '../../gql/graphql';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ipKindLabel } from '../enterprises/enterpriseDisplay';
import { BorrowerFinder } from './BorrowerFinder';
import { articleLabel, compareYuan, normalizeYuan, purposeOptions, reasonText } from './loanDisplay';
import { REGISTER_LOAN_MUTATION, REGISTRATION_OPTIONS_QUERY, type LoanRow } from './loans.graphql';
import { PledgeByNumber } from './PledgeByNumber';
import { CoveragePreview } from './CoveragePreview';
import { collateralChoices, pledgeKinds, pledgeLabel, withCollateral, type PledgeItem } from './pledge';

/** Where the borrower comes from: the bank's own list, or the library by unified social credit code. */
type BorrowerSource = 'OWN' | 'LIBRARY';

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
  purpose: LoanPurpose;
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
 * 登记贷款 (Art 2, 4, 11, 13): a bank registers a loan it issued. The borrower is one the bank already
 * sees, or any enterprise of the library found by its unified social credit code (Art 6.3), whose
 * patents and trademarks the bank pledges by registration number. The API decides coverage with the
 * measures in force on the issue date; the answer (covered or not, with reasons) is shown here.
 */
export function RegisterLoanModal({ onClose }: { onClose: () => void }) {
  const { message, modal } = App.useApp();
  const policy = usePolicy();
  const { mayTake } = useViewerPermissions();
  const [form] = Form.useForm<Values>();
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const kind = Form.useWatch('kind', form);
  const [source, setSource] = useState<BorrowerSource>('OWN');
  const [pledged, setPledged] = useState<PledgeItem[]>([]);
  const {
    data,
    loading,
    error: optionsError,
    refetch: refetchOptions,
  } = useQuery(REGISTRATION_OPTIONS_QUERY, { fetchPolicy: 'network-only' });
  // 'active': the loan ledger behind the dialog and the borrower options (the new loan's enterprise
  // is now one the bank lends to), with anything else on screen that counts loans.
  const [register, { loading: saving, error }] = useMutation(REGISTER_LOAN_MUTATION, {
    refetchQueries: 'active',
  });

  const mayFind = mayTake('enterprise.create');
  const mayPledge = mayTake('enterprise.addIpAsset');
  const enterprise = data?.borrowerOptions.find((e) => e.id === enterpriseId);
  const businessDate = data?.portalInfo.businessDate;
  const choices = collateralChoices(enterprise?.ipAssets ?? [], pledged);
  const kinds = pledgeKinds(policy?.allowedCollateralKinds.value);
  const purposes = purposeOptions(policy?.allowedLoanPurposes.value);

  // The first purpose the measures allow, once they are known, unless the officer chose one.
  const firstAllowed = policy?.allowedLoanPurposes.value[0];
  useEffect(() => {
    if (firstAllowed && !form.getFieldValue('purpose')) form.setFieldValue('purpose', firstAllowed);
  }, [firstAllowed, form]);

  const chooseSource = (next: BorrowerSource) => {
    setSource(next);
    setPledged([]);
    form.setFieldsValue({ enterpriseId: undefined, collateralIds: [] });
  };

  const onPledged = (item: PledgeItem) => {
    setPledged((items) => [...items, item]);
    form.setFieldValue('collateralIds', withCollateral(form.getFieldValue('collateralIds'), item.id));
    message.success(`已添加质押物：${pledgeLabel(item)}`);
  };

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
      {optionsError && <ErrorAlert title="加载企业和担保机构失败" error={optionsError} />}
      {error && <ErrorAlert title="登记失败" error={error} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'PURE', purpose: firstAllowed, collateralIds: [] }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('enterpriseId' in changed) {
            form.setFieldValue('collateralIds', []);
            setPledged([]);
          }
        }}
      >
        <Form.Item
          label="借款企业"
          required
          extra={
            source === 'OWN'
              ? '本行已放款或本行录入企业库的企业'
              : '企业库中的任何企业都可按统一社会信用代码查到并登记贷款；查不到的可加入企业库'
          }
        >
          {mayFind && (
            <Segmented<BorrowerSource>
              style={{ marginBottom: 8 }}
              value={source}
              onChange={chooseSource}
              options={[
                { value: 'OWN', label: '本行企业' },
                { value: 'LIBRARY', label: '按统一社会信用代码查找' },
              ]}
            />
          )}
          <Form.Item
            name="enterpriseId"
            noStyle
            rules={[
              {
                required: true,
                message: source === 'OWN' ? '请选择企业' : '请先按统一社会信用代码查到企业',
              },
            ]}
          >
            {source === 'OWN' ? (
              <Select
                aria-label="借款企业"
                showSearch={{ optionFilterProp: 'label' }}
                loading={loading}
                placeholder="选择企业"
                options={data?.borrowerOptions.map((e) => ({
                  value: e.id,
                  label: `${e.name}（${e.creditCode}）${e.blacklistedSince ? ' · 已列入黑名单' : ''}`,
                }))}
              />
            ) : (
              <BorrowerFinder onAdded={() => void refetchOptions()} />
            )}
          </Form.Item>
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
          label={`质押知识产权${cite(policy?.allowedCollateralKinds.article)}`}
          extra={`须为借款企业自有的${kinds.map(ipKindLabel).join('或')}；不选则不予补偿`}
        >
          {enterpriseId ? (
            choices.length ? (
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                options={choices.map((a) => ({ value: a.id, label: pledgeLabel(a) }))}
              />
            ) : (
              <Typography.Text type="secondary">
                {mayPledge ? '尚无质押物，请在下方按登记号添加' : '该企业尚无登记的专利或商标'}
              </Typography.Text>
            )
          ) : (
            <Typography.Text type="secondary">
              {source === 'OWN' ? '先选择企业' : '先按统一社会信用代码查到企业'}
            </Typography.Text>
          )}
        </Form.Item>
        {enterpriseId && mayPledge && kinds.length > 0 && (
          <Form.Item
            label="按登记号添加质押物"
            extra="输入借款企业的专利号或商标注册号及名称；企业库已有的直接使用，没有的一并录入企业库"
          >
            <PledgeByNumber
              key={enterpriseId}
              enterpriseId={enterpriseId}
              kinds={kinds}
              onPledged={onPledged}
            />
          </Form.Item>
        )}
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
          <Form.Item
            name="purpose"
            label={`贷款用途${cite(policy?.allowedLoanPurposes.article)}`}
            rules={[{ required: true, message: '请选择贷款用途' }]}
          >
            <Select
              aria-label="贷款用途"
              style={{ width: 260 }}
              placeholder="选择用途"
              options={purposes.map((p) => ({ value: p.value, label: p.label }))}
            />
          </Form.Item>
        </Space>
        <CoveragePreview form={form} />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, marginTop: 8 }}>
          是否纳入风险补偿由系统按放款日有效的办法判定；不予补偿的贷款也会登记并标明原因，但不能申请补偿。
          银行被中止期间发放的贷款不予补偿{cite(provisionArticle(policy, 'bankSuspension'))}。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
