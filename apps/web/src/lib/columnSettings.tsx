import { useMemo, useState, type ReactNode } from 'react';
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 列设置: which columns of a table are shown, chosen by the user and remembered per table in this
 * browser (localStorage). Fixed columns (the row's name on the left, its actions on the right) are
 * always shown: hiding them would leave rows nobody can identify or act on.
 */

type Column<T> = TableColumnsType<T>[number];

/** A column's stable key: its `key`, else its dataIndex ("loan.contractNo" for a path). */
export function columnKey<T>(column: Column<T>): string {
  if (column.key !== undefined) return String(column.key);
  const index = (column as { dataIndex?: string | number | readonly (string | number)[] }).dataIndex;
  return Array.isArray(index) ? index.join('.') : String(index ?? '');
}

const storageKey = (table: string) => `ipfund.columns.${table}`;

function readHidden(table: string): string[] | null {
  try {
    const raw = window.localStorage.getItem(storageKey(table));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : null;
  } catch {
    return null;
  }
}

function writeHidden(table: string, hidden: readonly string[]): void {
  try {
    window.localStorage.setItem(storageKey(table), JSON.stringify(hidden));
  } catch {
    // Storage can be disabled; the choice then lasts for this page view only.
  }
}

export function useColumnSettings<T>(
  table: string,
  columns: TableColumnsType<T>,
  { defaultHidden = [] }: { defaultHidden?: readonly string[] } = {},
): { columns: TableColumnsType<T>; settings: ReactNode } {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState<readonly string[]>(() => readHidden(table) ?? defaultHidden);
  const choosable = columns.filter((c) => !c.fixed);
  const visible = useMemo(
    () => columns.filter((c) => c.fixed || !hidden.includes(columnKey(c))),
    [columns, hidden],
  );
  const change = (next: readonly string[]) => {
    setHidden(next);
    writeHidden(table, next);
  };
  const settings = (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('lib.columns.title')}
      content={
        <Space orientation="vertical" size={4} data-testid={`column-settings-${table}`}>
          {choosable.map((c) => {
            const key = columnKey(c);
            return (
              <Checkbox
                key={key}
                checked={!hidden.includes(key)}
                onChange={(e) =>
                  change(e.target.checked ? hidden.filter((k) => k !== key) : [...hidden, key])
                }
              >
                {c.title as ReactNode}
              </Checkbox>
            );
          })}
          <Typography.Link onClick={() => change(defaultHidden)}>{t('lib.columns.reset')}</Typography.Link>
        </Space>
      }
    >
      <Button icon={<SettingOutlined />} aria-label={t('lib.columns.button')}>
        {t('lib.columns.button')}
      </Button>
    </Popover>
  );
  return { columns: visible, settings };
}
