import type { CSSProperties, ReactNode } from 'react';
import { anchorId, letterhead, printedDate, sectionStarts, type DocumentDetail, type SectionNode, type TextBlock } from './documentsApi';

/**
 * A 公文 laid out as printed (GB/T 9704-2012): the red 版头 (发文机关标志, 发文字号, red rule), the
 * title, 主送机关, the body with an anchor on the first line of each 章/条/一、/（一）, the 附件说明,
 * signature and date on the right, then the issued text and each annex on a page of its own.
 */
const RED = '#c8161d';
const FANGSONG = '"FangSong", "仿宋_GB2312", "仿宋", "STFangsong", "Noto Serif CJK SC", serif';
const XIAOBIAOSONG = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Noto Serif CJK SC", serif';
const HEITI = '"黑体", "SimHei", "Noto Sans CJK SC", sans-serif';

const page: CSSProperties = {
  background: '#fff',
  maxWidth: 794,
  margin: '0 auto 24px',
  padding: '64px 76px 72px',
  boxShadow: '0 1px 6px rgba(0,0,0,0.12)',
  fontFamily: FANGSONG,
  fontSize: 20,
  lineHeight: '36px',
  color: '#1a1a1a',
};
const paragraph: CSSProperties = { margin: 0, textIndent: '2em', textAlign: 'justify' };
const centered: CSSProperties = { margin: '8px 0 16px', textAlign: 'center' };

/** Every line carries its anchor (l123): sections link to it, and so does a roster member's source. */
function LineView({ line, text, nodes }: { line: number; text: string; nodes: SectionNode[] }) {
  const outer = nodes[0];
  if (outer?.kind === 'chapter') {
    return (
      <p id={anchorId(line)} style={{ ...centered, fontFamily: HEITI }}>
        {text}
      </p>
    );
  }
  const bold = outer && (outer.kind === 'article' || outer.kind === 'heading') && text.startsWith(outer.label);
  return (
    <p id={anchorId(line)} style={paragraph}>
      {bold ? (
        <>
          <span style={{ fontFamily: HEITI }}>{outer.label}</span>
          {text.slice(outer.label.length)}
        </>
      ) : (
        text
      )}
    </p>
  );
}

/** The block's lines as published, each section's first line carrying its anchor. */
function BlockView({ block, skip }: { block: TextBlock; skip?: ReadonlySet<number> }) {
  const starts = sectionStarts(block.sections);
  return (
    <>
      {block.lines
        .filter((l) => !skip?.has(l.line))
        .map((l) => (
          <LineView key={l.line} line={l.line} text={l.text.trim()} nodes={starts.get(l.line) ?? []} />
        ))}
    </>
  );
}

function Signature({ issuer, signedOn }: { issuer: string | null; signedOn: string | null }) {
  if (!issuer && !signedOn) return null;
  return (
    <div style={{ textAlign: 'right', margin: '40px 4em 0 0' }}>
      {issuer ? <div>{issuer}</div> : null}
      {signedOn ? <div style={{ marginRight: '2em' }}>{printedDate(signedOn)}</div> : null}
    </div>
  );
}

function Sheet({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <div style={page} id={id} className="doc-page">
      {children}
    </div>
  );
}

export function OfficialDocumentView({ doc }: { doc: DocumentDetail }) {
  const s = doc.structure;
  const head = letterhead(doc);
  const listed = s.attachments.filter((a) => a.listedOn !== null);
  return (
    <div style={{ background: '#f0f0f0', padding: '24px 12px' }}>
      <Sheet id="doc-top">
        <div style={{ color: RED, fontFamily: XIAOBIAOSONG, fontSize: head.letter ? 30 : 34, fontWeight: 700, letterSpacing: head.letter ? 4 : 0, textAlign: 'center', lineHeight: 1.3, whiteSpace: 'nowrap' }}>
          {head.mark}
        </div>
        {head.letter ? <div style={{ borderTop: `3px solid ${RED}`, borderBottom: `1px solid ${RED}`, height: 4, margin: '14px 0 8px' }} /> : null}
        <div style={{ textAlign: head.letter ? 'right' : 'center', margin: head.letter ? '0 0 24px' : '28px 0 6px' }} data-testid="doc-number">
          {doc.docNumber}
        </div>
        {head.letter ? null : <div style={{ borderTop: `2px solid ${RED}`, margin: '0 0 32px' }} />}
        <h1 style={{ fontFamily: XIAOBIAOSONG, fontSize: 28, lineHeight: '44px', fontWeight: 400, textAlign: 'center', margin: '0 0 28px' }}>{doc.title}</h1>
        {s.recipients ? <p style={{ margin: 0 }}>{s.recipients.raw}：</p> : null}
        <BlockView block={s.body} />
        {listed.length > 0 ? (
          <div style={{ margin: '20px 0 0 2em', display: 'flex' }}>
            <span>附件：</span>
            <div>
              {listed.map((a) => (
                <div key={a.number}>
                  <a href={`#annex-${a.number}`} style={{ color: 'inherit' }}>
                    {listed.length > 1 ? `${a.number}.` : ''}
                    {a.title}
                  </a>
                </div>
              ))}
            </div>
          </div>
        ) : null}
        <Signature issuer={s.issuer} signedOn={s.signedOn} />
      </Sheet>
      {s.enclosure ? (
        <Sheet>
          {s.enclosure.title ? (
            <h2
              id={anchorId(s.enclosure.titleSpan?.start ?? 0)}
              style={{ fontFamily: XIAOBIAOSONG, fontSize: 26, lineHeight: '42px', fontWeight: 400, textAlign: 'center', margin: '8px 0 28px' }}
            >
              {s.enclosure.title}
            </h2>
          ) : null}
          <BlockView block={s.enclosure} />
        </Sheet>
      ) : null}
      {s.attachments
        .filter((a) => a.content !== null || a.titleLine !== null)
        .map((a) => (
          <Sheet key={a.number} id={`annex-${a.number}`}>
            <div style={{ fontFamily: HEITI }}>附件{a.number}</div>
            <h2 style={{ fontFamily: XIAOBIAOSONG, fontSize: 24, lineHeight: '40px', fontWeight: 400, textAlign: 'center', margin: '8px 0 20px' }}>{a.title}</h2>
            {a.content ? <BlockView block={a.content} /> : null}
          </Sheet>
        ))}
    </div>
  );
}
