import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { CheckCircleTwoTone, CloseCircleTwoTone, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
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
import { articleLabel } from './policyText';
import { DownloadError, downloadFile } from './saveFile';

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
  const { t } = useTranslation();
  const article = provisionArticle(usePolicy(), 'claimProcedure');
  const required = items.filter((i) => i.required);
  const missing = required.filter((i) => !i.present);
  if (!items.length) return null;
  return (
    <div data-testid="document-checklist">
      <Typography.Text strong>
        {article
          ? t('claims.documents.checklistWithArticle', { article: articleLabel(article) })
          : t('claims.documents.checklist')}
      </Typography.Text>
      {missing.length ? (
        <Tag color="orange" style={{ marginLeft: 8 }}>
          {t('claims.documents.missing', { n: missing.length })}
        </Tag>
      ) : (
        <Tag color="green" style={{ marginLeft: 8 }}>
          {t('claims.documents.complete')}
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
            {!i.required && (
              <Typography.Text type="secondary">{t('claims.documents.notRequired')}</Typography.Text>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function DocumentTable({ documents }: { documents: ClaimDocument[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState<string | null>(null);

  const download = async (doc: ClaimDocument) => {
    setDownloading(doc.id);
    try {
      await downloadFile(doc.downloadUrl, doc.fileName);
    } catch (error) {
      message.error(
        error instanceof DownloadError
          ? error.message
          : t('claims.documents.downloadFailed', { error: errorText(error) }),
      );
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
      locale={{ emptyText: t('claims.documents.empty') }}
      columns={[
        {
          title: t('claims.documents.kind'),
          dataIndex: 'kind',
          render: (kind: string) => documentKindLabel(kind),
        },
        { title: t('claims.documents.fileName'), dataIndex: 'fileName' },
        { title: t('claims.documents.size'), dataIndex: 'sizeBytes', align: 'right', render: formatBytes },
        { title: t('claims.documents.uploadedAt'), dataIndex: 'uploadedAt', render: formatInstant },
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
          title: t('claims.documents.actions'),
          key: 'download',
          render: (_: unknown, doc) => (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={downloading === doc.id}
              onClick={() => void download(doc)}
            >
              {t('claims.documents.download')}
            </Button>
          ),
        },
      ]}
    />
  );
}

function DocumentUpload({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ClaimDocumentKind>('LOAN_CONTRACT');
  const [upload, { loading }] = useMutation(UPLOAD_CLAIM_DOCUMENT_MUTATION, { refetchQueries: 'active' });

  // Read the file here and send it through GraphQL; returning false stops antd's own HTTP upload.
  const beforeUpload: UploadProps['beforeUpload'] = async (file) => {
    if (file.size > MAX_DOCUMENT_BYTES) {
      message.error(t('claims.documents.tooLarge', { size: formatBytes(MAX_DOCUMENT_BYTES) }));
      return false;
    }
    if (file.size === 0) {
      message.error(t('claims.documents.emptyFile'));
      return false;
    }
    try {
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      await upload({
        variables: {
          input: { claimId, kind, fileName: file.name, contentType: contentTypeOf(file.type), contentBase64 },
        },
      });
      message.success(t('claims.documents.uploaded', { name: file.name }));
    } catch (error) {
      message.error(t('claims.documents.uploadFailed', { error: errorText(error) }));
    }
    return false;
  };

  return (
    <Space wrap>
      <Typography.Text>{t('claims.documents.kindLabel')}</Typography.Text>
      <Select<ClaimDocumentKind>
        value={kind}
        options={DOCUMENT_KINDS.map((value) => ({ value, label: documentKindLabel(value) }))}
        onChange={setKind}
        style={{ width: 160 }}
      />
      <Upload beforeUpload={beforeUpload} showUploadList={false} multiple={false} disabled={loading}>
        <Button icon={<UploadOutlined />} loading={loading}>
          {t('claims.documents.upload', { size: formatBytes(MAX_DOCUMENT_BYTES) })}
        </Button>
      </Upload>
    </Space>
  );
}
