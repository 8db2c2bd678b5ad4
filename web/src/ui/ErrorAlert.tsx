import { Alert, Button } from 'antd';
import type { CSSProperties } from 'react';
import { toApiError } from '../api';

interface ErrorAlertProps {
  /** Usually an ApiError; anything else is shown as a generic page error. Nothing renders for undefined/null. */
  error: unknown;
  /** Shows a 重试 button. */
  onRetry?: () => void;
  /** Title above the server's message, e.g. 保存失败. */
  title?: string;
  style?: CSSProperties;
}

/** Shows the server's Chinese message as is; the stable code is there for whoever reads a screenshot. */
export function ErrorAlert({ error, onRetry, title, style }: ErrorAlertProps) {
  if (error === undefined || error === null) return null;
  const apiError = toApiError(error);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16, ...style }}
      message={title ?? apiError.message}
      description={
        <>
          {title ? <div>{apiError.message}</div> : null}
          <div style={{ fontSize: 12, opacity: 0.65 }}>错误代码：{apiError.code}</div>
        </>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}
