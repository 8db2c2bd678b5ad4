import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, formatChineseDate, formatYuan, PageLoading, useApi } from '../../ui';
import { noticePath, PAYEE_ROLE_LABEL, type NoticeDetail } from './awardsApi';

// Printing leaves out the app's header, menu and the buttons: only the notice goes on paper.
const PRINT_CSS = `
@media print {
  .ant-layout-header, .ant-layout-sider, .ant-tabs-nav, .no-print { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  body { background: #fff; }
}
.award-notice { max-width: 760px; margin: 0 auto; background: #fff; padding: 48px 56px; font-family: 'FangSong', 'STFangsong', serif; color: #000; font-size: 16px; line-height: 1.9; }
.award-notice h1 { text-align: center; font-size: 24px; font-weight: 400; font-family: 'SimSun', serif; margin-bottom: 24px; line-height: 1.5; }
.award-notice p { text-indent: 2em; margin: 0 0 8px; }
.award-notice table { width: 100%; border-collapse: collapse; font-size: 14px; margin: 16px 0; }
.award-notice th, .award-notice td { border: 1px solid #000; padding: 6px 8px; }
.award-notice .sign { text-align: right; text-indent: 0; }
`;

/** 公示 laid out for paper: the text, the period, where to object, the list, the signature. */
export default function NoticePrintPage() {
  const { id = '' } = useParams();
  const notice = useApi<NoticeDetail>(noticePath(id));
  const n = notice.data;
  if (!n) return notice.error ? <ErrorAlert error={notice.error} /> : <PageLoading />;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
        <Link to={`/awards/notices/${n.id}`}><Button>返回公示</Button></Link>
      </Space>
      <div className="award-notice" data-testid="award-notice">
        <h1>{n.title}</h1>
        <p>
          根据《伊犁哈萨克自治州参赛各类大型运动会奖励办法》（伊州政办规〔2023〕1号）第十九条规定，经伊犁州体育局会同有关单位审核，现将{n.year}年度参赛各类大型运动会拟奖励名单予以公示（共{n.items.length}项，拟奖励金额合计{formatYuan(n.totalFen)}）。
        </p>
        <p>公示期：{formatChineseDate(n.startsOn)}至{formatChineseDate(n.endsOn)}（{n.days}天）。</p>
        <p>公示期间，如对公示名单有异议，请以书面形式向伊犁州体育局反映，并提供真实姓名和联系方式。公示期满无异议或异议不成立的，报州人民政府审批。</p>
        <table>
          <thead>
            <tr>
              <th>序号</th>
              <th>成绩</th>
              <th>奖励对象</th>
              <th>类别</th>
              <th>拟奖励金额（元）</th>
            </tr>
          </thead>
          <tbody>
            {n.items.flatMap((item, i) =>
              item.lines.map((l, j) => (
                <tr key={`${item.applicationId}-${j}`}>
                  {j === 0 ? <td rowSpan={item.lines.length}>{i + 1}</td> : null}
                  {j === 0 ? <td rowSpan={item.lines.length}>{item.summary}</td> : null}
                  <td>{l.payee}</td>
                  <td>{PAYEE_ROLE_LABEL[l.role]}</td>
                  <td style={{ textAlign: 'right' }}>{formatYuan(l.amountFen, { unit: false })}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
        <p className="sign">伊犁州体育局</p>
        <p className="sign">{formatChineseDate(n.publishedOn)}</p>
      </div>
    </>
  );
}
