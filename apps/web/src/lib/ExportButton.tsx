import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';
import { fileNameOf, saveBlob } from './saveBlob';

/**
 * 导出 Excel: downloads `href` (an `/export/….xlsx` with the list's current filters) with the session
 * cookie the browser sends on its own, and saves it under the server's file name. A refusal shows the
 * server's message (in the chosen language: the request says Accept-Language, like app/apollo.ts)
 * instead of saving an error page.
 */
export function ExportButton({ href, fallbackName }: { href: string; fallbackName: string }) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const res = await fetch(href, {
        credentials: 'same-origin',
        headers: { 'accept-language': currentLang() },
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string; error?: string } | null;
        message.error(t('lib.export.failed', { reason: body?.message ?? body?.error ?? res.status }));
        return;
      }
      saveBlob(await res.blob(), fileNameOf(res.headers.get('Content-Disposition')) ?? fallbackName);
    } catch {
      message.error(t('lib.export.failed', { reason: t('lib.export.network') }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => void download()}
      data-testid="export-button"
    >
      {t('lib.export.button')}
    </Button>
  );
}
