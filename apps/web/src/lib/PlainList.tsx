import { Empty, Flex, Spin } from 'antd';
import type { Key, ReactNode } from 'react';

/**
 * A plain list of rows with an optional header and footer. antd 6.6 deprecated its `List` (every
 * render logs a deprecation warning to the console) and its successor `Listy` is a virtual scroller
 * for long lists, which none of these short lists needs.
 */
export function PlainList<T>({
  items,
  rowKey,
  renderItem,
  header,
  footer,
  loading,
  empty,
  size = 'default',
  'data-testid': testId,
}: {
  items: readonly T[];
  rowKey: (item: T, index: number) => Key;
  renderItem: (item: T, index: number) => ReactNode;
  header?: ReactNode;
  footer?: ReactNode;
  loading?: boolean;
  /** Shown when there are no items (default: antd's Empty). */
  empty?: ReactNode;
  size?: 'small' | 'default';
  'data-testid'?: string;
}) {
  const padding = size === 'small' ? '6px 0' : '10px 0';
  return (
    <div className="plain-list" data-testid={testId}>
      {header && (
        <div className="plain-list-header" style={{ padding, borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
          {header}
        </div>
      )}
      <Spin spinning={!!loading}>
        {items.length === 0 ? (
          <div style={{ padding }}>{empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</div>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item, i) => (
              <li key={rowKey(item, i)} style={{ padding, borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
                {renderItem(item, i)}
              </li>
            ))}
          </ul>
        )}
      </Spin>
      {footer && <div style={{ paddingTop: 8 }}>{footer}</div>}
    </div>
  );
}

/** One row: a title and a description on the left, actions on the right (wrapping on a phone). */
export function PlainListItem({
  title,
  description,
  actions,
  ...rest
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
} & Record<`data-${string}`, string>) {
  return (
    <Flex className="plain-list-item" justify="space-between" align="center" gap={8} wrap {...rest}>
      <div style={{ minWidth: 0, flex: '1 1 240px' }}>
        <div>{title}</div>
        {description && <div style={{ marginTop: 4 }}>{description}</div>}
      </div>
      {actions && <div>{actions}</div>}
    </Flex>
  );
}
