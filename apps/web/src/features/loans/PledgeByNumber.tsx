import { useMutation } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ipKindLabel, type IpKind } from '../enterprises/enterpriseDisplay';
import { ADD_IP_ASSET } from '../enterprises/enterprises.graphql';
import {
  normalizeRegistrationNo,
  pledgeFailureTitle,
  pledgeInputProblem,
  type PledgeInputProblem,
  type PledgeItem,
} from './pledge';

/** The text of what is missing (loans.pledge.* of ./i18n.ts). */
const PROBLEM_KEY: Record<Exclude<PledgeInputProblem, null>, string> = {
  registrationNo: 'loans.pledge.numberRequired',
  title: 'loans.pledge.titleRequired',
};

/**
 * 按登记号添加质押物 (Art 2, 4, 6.3): the bank names a patent or trademark of the borrower by its number.
 * `addIpAsset` answers with the library's item when it is on record for this enterprise, or records it;
 * either way its id becomes collateral (`onPledged`). A number registered to another enterprise is refused.
 */
export function PledgeByNumber({
  enterpriseId,
  kinds,
  onPledged,
}: {
  enterpriseId: string;
  kinds: IpKind[];
  onPledged: (item: PledgeItem) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<IpKind | undefined>(kinds[0]);
  const [registrationNo, setRegistrationNo] = useState('');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<PledgeInputProblem>(null);
  const [addIpAsset, { loading, error, reset }] = useMutation(ADD_IP_ASSET);
  const chosenKind = kind && kinds.includes(kind) ? kind : kinds[0];

  const pledge = async () => {
    const missing = pledgeInputProblem(registrationNo, title);
    setProblem(missing);
    if (missing || !chosenKind) return;
    try {
      const { data } = await addIpAsset({
        variables: {
          input: {
            enterpriseId,
            kind: chosenKind,
            registrationNo: normalizeRegistrationNo(registrationNo),
            title: title.trim(),
          },
        },
      });
      if (data) {
        onPledged(data.addIpAsset);
        setRegistrationNo('');
        setTitle('');
      }
    } catch {
      // shown below through `error`
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          aria-label={t('loans.pledge.kindLabel')}
          style={{ width: 100 }}
          value={chosenKind}
          onChange={setKind}
          options={kinds.map((k) => ({ value: k, label: ipKindLabel(k) }))}
        />
        <Input
          aria-label={t('loans.pledge.numberLabel')}
          placeholder={
            chosenKind === 'TRADEMARK'
              ? t('loans.pledge.trademarkNoPlaceholder')
              : t('loans.pledge.patentNoPlaceholder')
          }
          style={{ width: 220 }}
          value={registrationNo}
          status={problem === 'registrationNo' ? 'error' : undefined}
          onChange={(e) => {
            setRegistrationNo(e.target.value);
            setProblem(null);
            reset();
          }}
          onPressEnter={() => void pledge()}
        />
        <Input
          aria-label={t('loans.pledge.titleLabel')}
          placeholder={
            chosenKind === 'TRADEMARK'
              ? t('loans.pledge.trademarkTitlePlaceholder')
              : t('loans.pledge.patentTitlePlaceholder')
          }
          value={title}
          status={problem === 'title' ? 'error' : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            setProblem(null);
          }}
          onPressEnter={() => void pledge()}
        />
        <Button icon={<PlusOutlined />} loading={loading} onClick={() => void pledge()}>
          {t('loans.pledge.add')}
        </Button>
      </Space.Compact>
      {problem && <Typography.Text type="danger">{t(PROBLEM_KEY[problem])}</Typography.Text>}
      {error && <ErrorAlert title={pledgeFailureTitle(error)} error={error} />}
    </Space>
  );
}
