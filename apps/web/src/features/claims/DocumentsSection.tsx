import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { CheckCircleTwoTone, CloseCircleTwoTone, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { can } from '../../app/access';
import { errorText } from '../../lib/ErrorAlert';
import { bytesToBase64, contentTypeOf, formatBytes, MAX_DOCUMENT_BYTES } from './base64';
import { DOCUMENT_KINDS, documentKindLabel } from './claimLabels';
import {
  UPLOAD_CLAIM_DOCUMENT_MUTATION,
  type ClaimChecklistItem,
  type ClaimDetail,
  type ClaimDocument,
  type ClaimDocumentKind,
} from './claims.graphql';
import { formatInstant } from './dates';
import { DownloadError, downloadFile } from './saveFile';

const KIND_OPTIONS = DOCUMENT_KINDS.map((kind) => ({ value: kind, label: documentKindLabel(kind) }));

/**
 * Claim documents (借款合同, 质押登记证明, 催收记录…): download for everyone who sees the claim, upload
 * while the claim's `viewerCan` has `claim.uploadDocument`.
 */
export function DocumentsSection({ claim }: { claim: ClaimDetail }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <DocumentChecklist items={claim.documentChecklist ?? []} />
      {can(claim, 'claim.uploadDocument') && <DocumentUpload claimId={claim.id} />}
      <DocumentTable documents={claim.documents} />
    </Space>
  );
}

/**
 * 材料清单 (Art 17): what the measures ask a claim to carry, ticked when a document of the kind is
 * attached. The manager's verification is refused while a required item is missing.
 */
function DocumentChecklist({ items }: { items: ClaimChecklistItem[] }) {
  const required = items.filter((i) => i.required);
  const missing = required.filter((i) => !i.present);
  if (!items.length) return null;
  return (
    <div data-testid="document-checklist">
      <Typography.Text strong>申请材料清单（第十七条）</Typography.Text>
      {missing.length ? (
        <Tag color="orange" style={{ marginLeft: 8 }}>
          缺 {missing.length} 项，补齐后方可核实
        </Tag>
      ) : (
        <Tag color="green" style={{ marginLeft: 8 }}>
          必备材料已齐全
        </Tag>
      )}
      <ul style={{ listStyle: 'none', paddingLeft: 0, margin: '8px 0 0' }}>
        {items.map((i) => (
          <li key={i.kind} data-kind={i.kind} data-present={i.present}>
            {i.present ? (
              <CheckCircleTwoTone twoToneColor="#52c41a" />
            ) : (
              <CloseCircleTwoTone twoToneColor={i.required ? '#ff4d4f' : '#bfbfbf'} />
            )}{' '}
            {i.label}
            {!i.required && <Typography.Text type="secondary">（本申请不需要）</Typography.Text>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function DocumentTable({ documents }: { documents: ClaimDocument[] }) {
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState<string | null>(null);

  const download = async (doc: ClaimDocument) => {
    setDownloading(doc.id);
    try {
      await downloadFile(doc.downloadUrl, doc.fileName);
    } catch (error) {
      message.error(error instanceof DownloadError ? error.message : `下载失败：${errorText(error)}`);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Table<ClaimDocument>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={documents}
      locale={{ emptyText: '尚未上传材料' }}
      columns={[
        { title: '类型', dataIndex: 'kind', render: documentKindLabel },
        { title: '文件名', dataIndex: 'fileName' },
        { title: '大小', dataIndex: 'sizeBytes', align: 'right', render: formatBytes },
        { title: '上传时间', dataIndex: 'uploadedAt', render: formatInstant },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          render: (hash: string) => (
            <Tooltip title={hash}>
              <Typography.Text code>{hash.slice(0, 12)}…</Typography.Text>
            </Tooltip>
          ),
        },
        {
          title: '操作',
          key: 'download',
          render: (_: unknown, doc) => (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={downloading === doc.id}
              onClick={() => void download(doc)}
            >
              下载
            </Button>
          ),
        },
      ]}
    />
  );
}

function DocumentUpload({ claimId }: { claimId: string }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<ClaimDocumentKind>('LOAN_CONTRACT');
  const [upload, { loading }] = useMutation(UPLOAD_CLAIM_DOCUMENT_MUTATION, { refetchQueries: 'active' });

  // Read the file here and send it through GraphQL; returning false stops antd's own HTTP upload.
  const beforeUpload: UploadProps['beforeUpload'] = async (file) => {
    if (file.size > MAX_DOCUMENT_BYTES) {
      message.error(`文件超过 ${formatBytes(MAX_DOCUMENT_BYTES)}，无法上传`);
      return false;
    }
    if (file.size === 0) {
      message.error('文件为空');
      return false;
    }
    try {
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      await upload({
        variables: {
          input: { claimId, kind, fileName: file.name, contentType: contentTypeOf(file.type), contentBase64 },
        },
      });
      message.success(`已上传：${file.name}`);
    } catch (error) {
      message.error(`上传失败：${errorText(error)}`);
    }
    return false;
  };

  return (
    <Space wrap>
      <Typography.Text>材料类型</Typography.Text>
      <Select<ClaimDocumentKind>
        value={kind}
        options={KIND_OPTIONS}
        onChange={setKind}
        style={{ width: 160 }}
      />
      <Upload beforeUpload={beforeUpload} showUploadList={false} multiple={false} disabled={loading}>
        <Button icon={<UploadOutlined />} loading={loading}>
          上传材料（≤ {formatBytes(MAX_DOCUMENT_BYTES)}）
        </Button>
      </Upload>
    </Space>
  );
}
