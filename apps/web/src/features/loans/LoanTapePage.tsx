import { useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Radio,
  Result,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { downloadBase64, fileToBase64, MAX_TAPE_BYTES } from './files';
import { tapeErrorLabel } from './loanDisplay';
import {
  LOAN_TAPE_TEMPLATE_QUERY,
  UPLOAD_LOAN_TAPE_MUTATION,
  type LoanTapeError,
  type LoanTapeMode,
  type LoanTapeResult,
} from './loans.graphql';

/** The import modes, in the order offered (labels: loans.tape.mode.*). */
const MODES: readonly LoanTapeMode[] = ['APPLY_ALL_OR_NOTHING', 'APPLY_VALID_ROWS', 'VALIDATE_ONLY'];

/**
 * 批量导入 (Art 12, 16): a bank uploads a CSV or XLSX of many loans' statuses. Every row is checked
 * first; nothing is applied unless all rows are valid, or the bank chose to apply the valid ones.
 */
export function LoanTapePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApolloClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<LoanTapeMode>('APPLY_ALL_OR_NOTHING');
  const [result, setResult] = useState<{ mode: LoanTapeMode; value: LoanTapeResult } | null>(null);
  const [upload, { loading, error }] = useMutation(UPLOAD_LOAN_TAPE_MUTATION, { refetchQueries: 'active' });

  const download = async (format: 'CSV' | 'XLSX') => {
    try {
      const res = await client.query({
        query: LOAN_TAPE_TEMPLATE_QUERY,
        variables: { format },
        fetchPolicy: 'network-only',
      });
      const template = res.data?.loanTapeTemplate;
      if (template) downloadBase64(template.contentBase64, template.fileName, template.mimeType);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const send = async (chosen: LoanTapeMode) => {
    if (!file) return;
    try {
      const res = await upload({
        variables: { input: { fileName: file.name, contentBase64: await fileToBase64(file), mode: chosen } },
      });
      if (res.data) setResult({ mode: chosen, value: res.data.uploadLoanTape });
    } catch {
      // shown through `error`
    }
  };

  const fileList: UploadFile[] = file
    ? [{ uid: 'tape', name: file.name, status: 'done', size: file.size }]
    : [];

  return (
    <Card title={t('loans.tape.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('loans.tape.intro')}</Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void download('XLSX')}>
            {t('loans.tape.downloadXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void download('CSV')}>
            {t('loans.tape.downloadCsv')}
          </Button>
        </Space>
        <Upload.Dragger
          accept=".csv,.xlsx"
          maxCount={1}
          fileList={fileList}
          beforeUpload={(f) => {
            if (f.size > MAX_TAPE_BYTES) {
              message.error(t('loans.tape.tooLarge'));
              return Upload.LIST_IGNORE;
            }
            setFile(f);
            setResult(null);
            return false; // sent with the mutation, not by the Upload component
          }}
          onRemove={() => {
            setFile(null);
            setResult(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('loans.tape.drop')}</p>
        </Upload.Dragger>
        <Space wrap>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as LoanTapeMode)}
            options={MODES.map((value) => ({ value, label: t(`loans.tape.mode.${value}`) }))}
          />
          <Button type="primary" disabled={!file} loading={loading} onClick={() => void send(mode)}>
            {mode === 'VALIDATE_ONLY' ? t('loans.tape.validate') : t('loans.tape.uploadAndImport')}
          </Button>
        </Space>
        {error && <ErrorAlert title={t('loans.tape.uploadFailed')} error={error} />}
        {result && (
          <TapeOutcome
            result={result.value}
            mode={result.mode}
            loading={loading}
            onApplyValid={() => void send('APPLY_VALID_ROWS')}
          />
        )}
      </Space>
    </Card>
  );
}

function TapeOutcome({
  result,
  mode,
  loading,
  onApplyValid,
}: {
  result: LoanTapeResult;
  mode: LoanTapeMode;
  loading: boolean;
  onApplyValid: () => void;
}) {
  const { t } = useTranslation();
  const invalid = result.totalRows - result.validRows;
  const canApplyValid = result.applied === 0 && result.validRows > 0 && mode !== 'APPLY_VALID_ROWS';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {result.errors.length === 0 ? (
        <Result
          status="success"
          title={
            result.applied
              ? t('loans.tape.imported', { applied: result.applied })
              : t('loans.tape.allValid', { total: result.totalRows })
          }
          subTitle={mode === 'VALIDATE_ONLY' ? t('loans.tape.notYetImported') : undefined}
        />
      ) : (
        <Alert
          type={result.applied ? 'warning' : 'error'}
          showIcon
          title={
            result.applied
              ? t('loans.tape.partlyImported', { applied: result.applied, invalid })
              : t('loans.tape.errorsFound', { errors: result.errors.length })
          }
          action={
            canApplyValid ? (
              <Button size="small" type="primary" loading={loading} onClick={onApplyValid}>
                {t('loans.tape.importValid', { valid: result.validRows })}
              </Button>
            ) : undefined
          }
        />
      )}
      <Space size="large">
        <Statistic title={t('loans.tape.totalRows')} value={result.totalRows} />
        <Statistic title={t('loans.tape.validRows')} value={result.validRows} />
        <Statistic title={t('loans.tape.applied')} value={result.applied} />
      </Space>
      {result.errors.length > 0 && (
        <Table<LoanTapeError>
          rowKey={(e) => `${e.line}-${e.field ?? ''}-${e.code}`}
          size="small"
          dataSource={result.errors}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            {
              title: t('loans.tape.line'),
              dataIndex: 'line',
              width: 80,
              render: (l: number) => (l > 0 ? l : '—'),
            },
            {
              title: t('loans.tape.column'),
              dataIndex: 'column',
              width: 180,
              render: (c: string | null) => c ?? '—',
            },
            {
              title: t('loans.tape.reason'),
              dataIndex: 'reason',
              render: (reason: string, e) => {
                const label = tapeErrorLabel(e.code);
                return label ? (
                  <span>
                    {label}
                    <Typography.Text type="secondary">
                      {t('loans.tape.reasonDetail', { reason })}
                    </Typography.Text>
                  </span>
                ) : (
                  reason
                );
              },
            },
          ]}
        />
      )}
    </Space>
  );
}
