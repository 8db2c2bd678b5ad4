/** Public API of the awards domain (伊州政办规〔2023〕1号 and later versions). */
export { evaluate, evaluateBatch, outcomeToJson } from './evaluate.js';
export { parseAwardBatch, AwardBatchShapeError, type ParsedEntry } from './parse.js';
export { rulebookInForce, type Rulebook } from './rulebook.js';
export { RULEBOOK_2023, RULEBOOKS } from './rulebook-2023.js';
export { toYuan, yuanToFen, type Fen, type Ratio, type Rounding } from './money.js';
export { formatCitation, type Citation } from './citation.js';
export { isValidIdCardNumber, maskIdCardNumber } from './id-card.js';
export * from './types.js';
export * from './procedure.js';
export { citedArticles, type CitedArticle, type ArticleTextSource } from './article-text.js';
