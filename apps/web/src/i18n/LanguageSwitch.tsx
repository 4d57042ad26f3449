import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '@ipfund/shared';
import { setLang, useLang } from '.';

/** 中文 | English in the header: switches every text at once and is remembered for the next visit. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.label')}
      data-testid="language-switch"
      value={lang}
      onChange={(value) => void setLang(value)}
      options={LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      style={dark ? { background: 'rgba(255,255,255,0.85)' } : undefined}
    />
  );
}
