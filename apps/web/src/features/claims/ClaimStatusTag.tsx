import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { claimStatusColor, claimStatusLabel } from './claimLabels';

export function ClaimStatusTag({ status }: { status: string }) {
  // Subscribes to the language, so the label follows a switch.
  useTranslation();
  return <Tag color={claimStatusColor(status)}>{claimStatusLabel(status)}</Tag>;
}
