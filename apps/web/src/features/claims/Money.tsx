import { formatYuan } from '../../lib/money';

/** A yuan amount; tabular figures keep right-aligned digits in columns. */
export function Money({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined) return <>—</>;
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(value)}</span>;
}

export const renderMoney = (value: string | null | undefined) => <Money value={value} />;
