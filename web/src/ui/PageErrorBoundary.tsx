import { Alert, Button } from 'antd';
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Keeps one broken page from blanking the whole app. The usual cause in production is a page chunk
 * that no longer exists after a new release, which a reload fixes. Mount it with `key` set to the
 * path so that navigating elsewhere clears the error.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const chunkFailed = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(
      error.message,
    );
    // Alert rather than Result: this boundary is in the first chunk, and Result carries large images.
    return (
      <Alert
        type="error"
        showIcon
        style={{ margin: 24 }}
        message={chunkFailed ? '页面加载失败' : '页面出错'}
        description={chunkFailed ? '系统可能已更新，请刷新页面后重试。' : error.message}
        action={
          <Button type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>
        }
      />
    );
  }
}
