export { citation, sectionAt, type Citation } from './citation.js';
export { contentHash } from './content-hash.js';
export { parseDocNumber } from './doc-number.js';
export { DocumentParseError } from './errors.js';
export { fromChineseNumeral, toChineseNumeral } from './numerals.js';
export { parseDocuments } from './parse-documents.js';
export { normalizeForSearch, queryGrams, searchGrams, snippetAround, tsqueryLiteral, tsvectorLiteral } from './search-text.js';
export type {
  Attachment, DocNumber, DocumentLines, Enclosure, LineSpan, OfficialDocument, ParseResult, ParseWarning,
  Recipients, SectionKind, SectionNode, SourceLine, TextBlock,
} from './types.js';
