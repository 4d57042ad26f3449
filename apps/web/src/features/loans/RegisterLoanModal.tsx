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
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
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

/** "（第二十一条）" / " (Art 21)" for a provision of the policy in force; nothing when the policy has none. */
function citeIn(t: TFunction, article: string | undefined): string {
  return article ? t('loans.cite', { article: articleLabel(article) }) : '';
}

const amountRule = (t: TFunction) => ({
  validator: (_: unknown, value: string | undefined) =>
    !value || normalizeYuan(value) ? Promise.resolve() : Promise.reject(new Error(t('loans.amountInvalid'))),
});

/**
 * 登记贷款 (Art 2, 4, 11, 13): a bank registers a loan it issued. The borrower is one the bank already
 * sees, or any enterprise of the library found by its unified social credit code (Art 6.3), whose
 * patents and trademarks the bank pledges by registration number. The API decides coverage with the
 * measures in force on the issue date; the answer (covered or not, with reasons) is shown here.
 */
export function RegisterLoanModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const cite = (article: string | undefined) => citeIn(t, article);
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
    message.success(t('loans.register.collateralAdded', { label: pledgeLabel(item) }));
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
      message.success(t('loans.register.registeredCovered', { contractNo: loan.contractNo }));
      return;
    }
    modal.warning({
      title: t('loans.register.registeredNotCovered', { contractNo: loan.contractNo }),
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
      title={t('loans.register.title')}
      okText={t('loans.register.ok')}
      width={720}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      {optionsError && <ErrorAlert title={t('loans.register.optionsFailed')} error={optionsError} />}
      {error && <ErrorAlert title={t('loans.register.failed')} error={error} />}
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
          label={t('loans.register.borrower')}
          required
          extra={
            source === 'OWN' ? t('loans.register.borrowerOwnExtra') : t('loans.register.borrowerLibraryExtra')
          }
        >
          {mayFind && (
            <Segmented<BorrowerSource>
              style={{ marginBottom: 8 }}
              value={source}
              onChange={chooseSource}
              options={[
                { value: 'OWN', label: t('loans.register.sourceOwn') },
                { value: 'LIBRARY', label: t('loans.register.sourceLibrary') },
              ]}
            />
          )}
          <Form.Item
            name="enterpriseId"
            noStyle
            rules={[
              {
                required: true,
                message:
                  source === 'OWN'
                    ? t('loans.register.chooseEnterprise')
                    : t('loans.register.findEnterpriseFirst'),
              },
            ]}
          >
            {source === 'OWN' ? (
              <Select
                aria-label={t('loans.register.borrower')}
                showSearch={{ optionFilterProp: 'label' }}
                loading={loading}
                placeholder={t('loans.register.enterprisePlaceholder')}
                options={data?.borrowerOptions.map((e) => ({
                  value: e.id,
                  label: `${t('loans.register.borrowerOption', { name: e.name, creditCode: e.creditCode })}${e.blacklistedSince ? t('loans.register.blacklistedOption') : ''}`,
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
            title={t('loans.register.blacklistedAlert', {
              date: enterprise.blacklistedSince,
              cite: cite(provisionArticle(policy, 'blacklist')),
            })}
          />
        )}
        <Form.Item
          name="collateralIds"
          label={t('loans.register.collateral', { cite: cite(policy?.allowedCollateralKinds.article) })}
          extra={t('loans.register.collateralExtra', {
            kinds: kinds.map(ipKindLabel).join(t('loans.register.kindsJoin')),
          })}
        >
          {enterpriseId ? (
            choices.length ? (
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                options={choices.map((a) => ({ value: a.id, label: pledgeLabel(a) }))}
              />
            ) : (
              <Typography.Text type="secondary">
                {mayPledge ? t('loans.register.noCollateralAddBelow') : t('loans.register.noIpOnRecord')}
              </Typography.Text>
            )
          ) : (
            <Typography.Text type="secondary">
              {source === 'OWN' ? t('loans.register.chooseFirst') : t('loans.register.findFirst')}
            </Typography.Text>
          )}
        </Form.Item>
        {enterpriseId && mayPledge && kinds.length > 0 && (
          <Form.Item
            label={t('loans.register.pledgeByNumber')}
            extra={t('loans.register.pledgeByNumberExtra')}
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
          label={t('loans.field.contractNo')}
          rules={[
            { required: true, whitespace: true, message: t('loans.register.contractNoRequired') },
            { max: 64, message: t('loans.register.contractNoMax') },
          ]}
        >
          <Input placeholder={t('loans.register.contractNoPlaceholder')} />
        </Form.Item>
        <Space size="large" wrap style={{ width: '100%' }}>
          <Form.Item
            name="principal"
            label={t('loans.register.principal')}
            rules={[{ required: true, message: t('loans.register.principalRequired') }, amountRule(t)]}
          >
            <Input
              inputMode="decimal"
              placeholder={t('loans.register.principalPlaceholder')}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('loans.register.kind', { cite: cite(provisionArticle(policy, 'riskSharing')) })}
          >
            <Radio.Group
              options={[
                { value: 'PURE', label: t('loans.register.kindPure') },
                { value: 'COMBINATION', label: t('loans.register.kindCombination') },
              ]}
            />
          </Form.Item>
          {kind === 'COMBINATION' && (
            <Form.Item
              name="ipPledgedPrincipal"
              label={t('loans.register.ipPledged')}
              dependencies={['principal']}
              rules={[
                { required: true, message: t('loans.register.ipPledgedRequired') },
                amountRule(t),
                ({ getFieldValue }) => ({
                  validator: (_: unknown, value: string | undefined) => {
                    const ip = value ? normalizeYuan(value) : null;
                    const principal = normalizeYuan(getFieldValue('principal') ?? '');
                    if (ip && principal && compareYuan(ip, principal) > 0) {
                      return Promise.reject(new Error(t('loans.register.ipPledgedExceeds')));
                    }
                    if (ip && compareYuan(ip, '0.00') === 0)
                      return Promise.reject(new Error(t('loans.register.ipPledgedZero')));
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
          label={t('loans.register.guarantor', { cite: cite(provisionArticle(policy, 'guarantorSharing')) })}
        >
          <Select
            allowClear
            placeholder={t('loans.register.guarantorNone')}
            options={data?.guarantorOptions.map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item
            name="issuedOn"
            label={t('loans.field.issuedOn')}
            rules={[{ required: true, message: t('loans.register.issuedOnRequired') }]}
          >
            <DatePicker
              disabledDate={(d) => (businessDate ? d.isAfter(dayjs(businessDate), 'day') : false)}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item
            name="maturesOn"
            label={t('loans.register.maturesOn')}
            dependencies={['issuedOn']}
            rules={[
              { required: true, message: t('loans.register.maturesOnRequired') },
              ({ getFieldValue }) => ({
                validator: (_: unknown, value: Dayjs | undefined) => {
                  const issued = getFieldValue('issuedOn') as Dayjs | undefined;
                  return value && issued && value.isBefore(issued, 'day')
                    ? Promise.reject(new Error(t('loans.register.maturesBeforeIssue')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="purpose"
            label={t('loans.register.purpose', { cite: cite(policy?.allowedLoanPurposes.article) })}
            rules={[{ required: true, message: t('loans.register.purposeRequired') }]}
          >
            <Select
              aria-label={t('loans.register.purposeLabel')}
              style={{ width: 260 }}
              placeholder={t('loans.register.purposePlaceholder')}
              options={purposes.map((p) => ({ value: p.value, label: p.label }))}
            />
          </Form.Item>
        </Space>
        <CoveragePreview form={form} />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, marginTop: 8 }}>
          {t('loans.register.footnote', { cite: cite(provisionArticle(policy, 'bankSuspension')) })}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
