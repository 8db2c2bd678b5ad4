import { Alert, Col, Descriptions, Popover, Row, Space, Tag, Typography } from 'antd';
import { formatYuan } from '../../ui';
import { articlesOf, PAYEE_ROLE_LABEL, type CitedArticle, type ComputationView as Computation, type LineView } from './awardsApi';

function ArticleText({ article }: { article: CitedArticle }) {
  const full = (
    <div style={{ maxWidth: 560, whiteSpace: 'pre-wrap' }}>
      <Typography.Text strong>{article.articleLabel}</Typography.Text> {article.articleText}
    </div>
  );
  return (
    <div style={{ marginBottom: 4 }} data-testid="article-text">
      <Typography.Text strong>{article.ref}</Typography.Text>{' '}
      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{article.citedText ?? article.articleText}</Typography.Text>{' '}
      {article.citedText ? (
        <Popover title={`${article.docNumber} ${article.articleLabel}`} content={full}>
          <Typography.Link>全文</Typography.Link>
        </Popover>
      ) : null}
    </div>
  );
}

function sourceNote(articles: readonly CitedArticle[]) {
  if (articles.length === 0) return null;
  const fromDocument = articles.every((a) => a.source === 'document');
  const doc = articles[0].docNumber;
  return fromDocument ? (
    <Tag color="green">条文取自已导入的公文 {doc}</Tag>
  ) : (
    <Tag color="gold">条文取自奖励办法引文（{doc} 尚未导入公文库）</Tag>
  );
}

/** One line: who and how much, the arithmetic, and beside it the article it rests on. */
function LineItem({ line, articles }: { line: LineView; articles: CitedArticle[] }) {
  return (
    <div data-testid="award-line" style={{ borderTop: '1px solid #f0f0f0', padding: '10px 0' }}>
      <Row gutter={[16, 6]}>
        <Col xs={24} lg={11}>
          <Space wrap size={6} style={{ marginBottom: 4 }}>
            <Typography.Text strong>{line.payee}</Typography.Text>
            <Tag>{PAYEE_ROLE_LABEL[line.role]}</Tag>
            {line.funding === 'county' ? <Tag color="orange">县（市）财政</Tag> : <Tag color="blue">州财政</Tag>}
            <Typography.Text strong style={{ fontSize: 15 }}>
              {formatYuan(line.amountFen)}
            </Typography.Text>
          </Space>
          <div data-testid="basis">{line.basis}</div>
        </Col>
        <Col xs={24} lg={13}>
          <div style={{ background: '#fafafa', borderLeft: '3px solid #d9d9d9', padding: '6px 10px', fontSize: 13 }}>
            {articles.map((a) => (
              <ArticleText key={a.ref} article={a} />
            ))}
          </div>
        </Col>
      </Row>
    </div>
  );
}

/** The evaluator's lines: who, how much, the arithmetic, and the article text beside each line. */
export function ComputationView({ computation, caption }: { computation: Computation; caption?: string }) {
  return (
    <div>
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="奖励合计">
          <Typography.Text strong data-testid="award-total">
            {formatYuan(computation.totalFen)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="州财政">{formatYuan(computation.prefectureFen)}</Descriptions.Item>
        <Descriptions.Item label="县（市）财政">{formatYuan(computation.countyFen)}</Descriptions.Item>
        <Descriptions.Item label="依据">{computation.rulebook ?? '—'}</Descriptions.Item>
      </Descriptions>
      {computation.reasons.length > 0 ? (
        <Alert
          type={computation.eligible ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          message={computation.eligible ? '说明' : '不予奖励'}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="reasons">
              {computation.reasons.map((r, i) => (
                <li key={r}>
                  {r}
                  {articlesOf(computation.reasonRefs[i] ?? [], computation.articles).map((a) => (
                    <div key={a.ref} style={{ opacity: 0.75, fontSize: 12 }}>
                      {a.ref}：{a.citedText ?? a.articleText}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Space wrap style={{ marginBottom: 4 }}>
        {caption ? <Typography.Text type="secondary">{caption}</Typography.Text> : null}
        {sourceNote(computation.articles)}
      </Space>
      {computation.lines.length === 0 ? <Typography.Paragraph type="secondary">没有奖励项</Typography.Paragraph> : null}
      {computation.lines.map((l) => (
        <LineItem key={`${l.payee}-${l.role}-${l.basis}`} line={l} articles={articlesOf(l.refs, computation.articles)} />
      ))}
    </div>
  );
}
