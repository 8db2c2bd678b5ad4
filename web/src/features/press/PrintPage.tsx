import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, PageLoading, useApi } from '../../ui';
import { formTitle, printRows, type FormDetail } from './pressApi';

// Printing leaves out the app's header, menu and these buttons: only the sheet goes on paper.
const PRINT_CSS = `
@media print {
  .ant-layout-header, .ant-layout-sider, .no-print { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  body { background: #fff; }
}
.approval-sheet { max-width: 720px; margin: 0 auto; background: #fff; padding: 48px 56px; font-family: 'FangSong', 'STFangsong', serif; color: #000; }
.approval-sheet h1 { text-align: center; font-size: 24px; font-weight: 400; font-family: 'SimSun', serif; margin-bottom: 24px; }
.approval-sheet table { width: 100%; border-collapse: collapse; font-size: 16px; }
.approval-sheet td { border: 1px solid #000; padding: 10px 12px; vertical-align: top; }
.approval-sheet td.label { width: 28%; text-align: center; vertical-align: middle; }
`;

/** The approval form laid out for paper (浏览器打印；Word 版见下载). */
export default function PrintPage() {
  const { id = '' } = useParams();
  const detail = useApi<FormDetail>(`/api/press/forms/${id}`);
  const form = detail.data;
  if (!form) return detail.error ? <ErrorAlert error={detail.error} /> : <PageLoading />;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
        <Link to={`/press/forms/${form.id}`}><Button>返回审批单</Button></Link>
      </Space>
      <div className="approval-sheet" data-testid="approval-sheet">
        <h1>{formTitle(form)}</h1>
        <table>
          <tbody>
            {printRows(form).map(([label, value]) => (
              <tr key={label}>
                <td className="label">{label}</td>
                <td style={{ minHeight: 32, whiteSpace: 'pre-wrap' }}>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p style={{ marginTop: 24, fontSize: 14 }}>{form.plan?.docNumber ? `依据${form.plan.docNumber}。` : ''}审批单须于发布会前7个工作日报州政府新闻办备案，并提供书面材料{form.printedCopies}份。</p>
      </div>
    </>
  );
}
