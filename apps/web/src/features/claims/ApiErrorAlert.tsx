import { Alert } from 'antd';
import { describeApiError } from './apiErrors';

/** A failed request, with the API's code and the article of the measures that refused it. */
export function ApiErrorAlert({ title, error }: { title: string; error: unknown }) {
  const lines = describeApiError(error);
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={
        <>
          {lines.map((line, i) => (
            <div key={i}>
              {line.codeText && <strong>[{line.codeText}] </strong>}
              {line.text}
            </div>
          ))}
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
