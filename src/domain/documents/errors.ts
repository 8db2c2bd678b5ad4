import { DomainError } from '../errors.js';

/** The text could not be read as 公文. `line` is 1-based; the message names it in Chinese. */
export class DocumentParseError extends DomainError {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super('DOCUMENT_PARSE', `第${line}行：${reason}`, 422, { line });
    this.name = 'DocumentParseError';
  }
}
