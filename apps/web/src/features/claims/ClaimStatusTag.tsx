import { Tag } from 'antd';
import { claimStatusColor, claimStatusLabel } from './claimLabels';

export function ClaimStatusTag({ status }: { status: string }) {
  return <Tag color={claimStatusColor(status)}>{claimStatusLabel(status)}</Tag>;
}
