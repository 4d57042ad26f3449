import type { ReactNode } from 'react';
import { Alert } from 'antd';

/** A failed load or request above the content it concerns: an error alert with a gap below. */
export function ErrorAlert({ title, description }: { title: string; description: ReactNode }) {
  return <Alert type="error" showIcon title={title} description={description} style={{ marginBottom: 16 }} />;
}
