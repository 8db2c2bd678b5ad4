import { api } from '../api';

/**
 * GETs a file export (Excel, Word) with the session cookie and saves it under the server's file
 * name. Errors arrive as ApiError, like any other request, so pages show them with ErrorAlert.
 */
export async function downloadFile(path: string, fallbackName?: string): Promise<void> {
  const { blob, filename } = await api.file(path);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename ?? fallbackName ?? decodeURIComponent(path.split('?')[0].split('/').pop() ?? '下载文件');
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the blob goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
