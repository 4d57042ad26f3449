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

const MODES: { value: LoanTapeMode; label: string }[] = [
  { value: 'APPLY_ALL_OR_NOTHING', label: '全部正确才导入' },
  { value: 'APPLY_VALID_ROWS', label: '仅导入正确的行' },
  { value: 'VALIDATE_ONLY', label: '仅校验，不导入' },
];

/**
 * 批量导入 (Art 12, 16): a bank uploads a CSV or XLSX of many loans' statuses. Every row is checked
 * first; nothing is applied unless all rows are valid, or the bank chose to apply the valid ones.
 */
export function LoanTapePage() {
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
      const t = res.data?.loanTapeTemplate;
      if (t) downloadBase64(t.contentBase64, t.fileName, t.mimeType);
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
    <Card title="批量导入贷款状态（贷款明细表）">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          上传本行贷款的状态报告（CSV 或 Excel .xlsx，≤ 5 MB，≤ 10,000
          行）。列：合同编号、报告日期、贷款余额、 最早未还到期日（无到期未还款项留空；余额为 0
          即结清）。表头中英文均可，例如 “合同编号(contractNo)”。 模板已预填本行全部未结清贷款的当前数据。
        </Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void download('XLSX')}>
            下载模板（Excel）
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void download('CSV')}>
            下载模板（CSV）
          </Button>
        </Space>
        <Upload.Dragger
          accept=".csv,.xlsx"
          maxCount={1}
          fileList={fileList}
          beforeUpload={(f) => {
            if (f.size > MAX_TAPE_BYTES) {
              message.error('文件超过 5 MB');
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
          <p className="ant-upload-text">点击或拖拽文件到此处</p>
        </Upload.Dragger>
        <Space wrap>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as LoanTapeMode)}
            options={MODES}
          />
          <Button type="primary" disabled={!file} loading={loading} onClick={() => void send(mode)}>
            {mode === 'VALIDATE_ONLY' ? '校验' : '上传并导入'}
          </Button>
        </Space>
        {error && <ErrorAlert title="上传失败" error={error} />}
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
  const invalid = result.totalRows - result.validRows;
  const canApplyValid = result.applied === 0 && result.validRows > 0 && mode !== 'APPLY_VALID_ROWS';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {result.errors.length === 0 ? (
        <Result
          status="success"
          title={result.applied ? `已导入 ${result.applied} 行` : `全部 ${result.totalRows} 行校验通过`}
          subTitle={mode === 'VALIDATE_ONLY' ? '尚未导入；选择导入方式后再上传即可' : undefined}
        />
      ) : (
        <Alert
          type={result.applied ? 'warning' : 'error'}
          showIcon
          title={
            result.applied
              ? `已导入 ${result.applied} 行，${invalid} 行有误未导入`
              : `发现 ${result.errors.length} 处错误，未导入任何数据`
          }
          action={
            canApplyValid ? (
              <Button size="small" type="primary" loading={loading} onClick={onApplyValid}>
                仅导入正确的 {result.validRows} 行
              </Button>
            ) : undefined
          }
        />
      )}
      <Space size="large">
        <Statistic title="总行数" value={result.totalRows} />
        <Statistic title="正确行数" value={result.validRows} />
        <Statistic title="已导入" value={result.applied} />
      </Space>
      {result.errors.length > 0 && (
        <Table<LoanTapeError>
          rowKey={(e) => `${e.line}-${e.field ?? ''}-${e.code}`}
          size="small"
          dataSource={result.errors}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: '行号', dataIndex: 'line', width: 80, render: (l: number) => (l > 0 ? l : '—') },
            { title: '列', dataIndex: 'column', width: 180, render: (c: string | null) => c ?? '—' },
            {
              title: '原因',
              dataIndex: 'reason',
              render: (reason: string, e) => {
                const label = tapeErrorLabel(e.code);
                return label ? (
                  <span>
                    {label}
                    <Typography.Text type="secondary">（{reason}）</Typography.Text>
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
