import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { CreateEnterpriseModal } from '../enterprises/EnterpriseForms';
import { creditCodeProblem } from '../enterprises/enterpriseDisplay';
import { ENTERPRISE_BY_CREDIT_CODE, type LibraryEntry } from '../enterprises/enterprises.graphql';

type Lookup =
  | { state: 'idle' }
  | { state: 'invalid'; problem: string }
  | { state: 'hit'; entry: LibraryEntry }
  | { state: 'miss'; creditCode: string }
  | { state: 'failed'; error: unknown };

/**
 * 按统一社会信用代码查找企业库 (Art 6.3): the library is the manager's and the code is public, so a bank
 * finds any enterprise of the library by its exact code, also one it cannot see otherwise, and may lend
 * to it. A hit shows the library's name and gives the entry's id as the control's value (a form field);
 * a miss offers to add the enterprise to the library and continues with it.
 */
export function BorrowerFinder({
  value,
  onChange,
  onAdded,
}: {
  /** The id of the entry to lend to, undefined while none is found (set by Form.Item). */
  value?: string;
  onChange?: (enterpriseId: string | undefined) => void;
  /** The library changed (an enterprise was added): the caller refreshes what it lists. */
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [code, setCode] = useState('');
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const [searching, setSearching] = useState(false);
  const [adding, setAdding] = useState(false);

  const show = (next: Lookup) => {
    setLookup(next);
    const id = next.state === 'hit' ? next.entry.id : undefined;
    // Only a real change: typing a code must not flag the (still empty) field as missing.
    if (id !== value) onChange?.(id);
  };

  const search = async (raw: string) => {
    const creditCode = raw.trim().toUpperCase();
    const problem = creditCode ? creditCodeProblem(creditCode) : t('enterprises.creditCode.required');
    if (problem) {
      show({ state: 'invalid', problem });
      return;
    }
    setSearching(true);
    try {
      const { data } = await client.query({
        query: ENTERPRISE_BY_CREDIT_CODE,
        variables: { creditCode },
        fetchPolicy: 'network-only',
      });
      const entry = data?.enterpriseByCreditCode ?? null;
      show(entry ? { state: 'hit', entry } : { state: 'miss', creditCode });
    } catch (error) {
      show({ state: 'failed', error });
    } finally {
      setSearching(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        aria-label={t('loans.finder.codeLabel')}
        placeholder={t('loans.finder.placeholder')}
        enterButton={t('loans.finder.find')}
        maxLength={18}
        allowClear
        value={code}
        status={lookup.state === 'invalid' ? 'error' : undefined}
        loading={searching}
        onChange={(e) => {
          setCode(e.target.value.toUpperCase());
          if (lookup.state !== 'idle') show({ state: 'idle' });
        }}
        onSearch={(value) => void search(value)}
      />
      {lookup.state === 'invalid' && <Typography.Text type="danger">{lookup.problem}</Typography.Text>}
      {lookup.state === 'hit' && (
        <Alert
          type="success"
          showIcon
          title={t('loans.finder.hitTitle', { name: lookup.entry.name })}
          description={t('loans.finder.hitDescription', { creditCode: lookup.entry.creditCode })}
        />
      )}
      {lookup.state === 'miss' && (
        <Alert
          type="info"
          showIcon
          title={t('loans.finder.missTitle', { creditCode: lookup.creditCode })}
          description={t('loans.finder.missDescription')}
          action={
            <Button size="small" type="primary" onClick={() => setAdding(true)}>
              {t('loans.finder.addToLibrary')}
            </Button>
          }
        />
      )}
      {lookup.state === 'failed' && <ErrorAlert title={t('loans.finder.failed')} error={lookup.error} />}
      {adding && lookup.state === 'miss' && (
        <CreateEnterpriseModal
          open
          initialCreditCode={lookup.creditCode}
          onClose={() => setAdding(false)}
          onEntry={(entry) => {
            setCode(entry.creditCode);
            show({ state: 'hit', entry });
            onAdded();
          }}
        />
      )}
    </Space>
  );
}
