import type { Db } from '../../db/client.js';
import type { OfficialDocument } from '../../domain/documents/index.js';
import { directoryImporter } from '../directory/build-bodies.js';
import { holidayNoticeImporter } from '../calendar/holiday-notice.importer.js';
import { livelihoodPlanImporter } from '../livelihood/plan.importer.js';
import { pressPlanImporter } from '../press/plan.importer.js';

/** What an importer built from one document, for the import report (议事协调机构: names…). */
export interface ImporterOutcome {
  /** What was built, as users say it: 议事协调机构, 民生实事项目, 新闻发布计划 … */
  label: string;
  /** One line per record built. */
  items: string[];
}

/**
 * A module's hook into the import: for each newly stored document it applies to, `build` runs
 * inside the import transaction (a throw rolls back the whole import, so a DomainError with a
 * line number is the way to refuse a document). Unchanged documents are not built again.
 */
export interface DocumentImporter {
  name: string;
  appliesTo(doc: OfficialDocument): boolean;
  build(tx: Db, doc: OfficialDocument, documentId: string): Promise<ImporterOutcome | void>;
}

// One line per module, in the order they must run (the directory first: others may look people up).
export const DOCUMENT_IMPORTERS: DocumentImporter[] = [directoryImporter, holidayNoticeImporter, pressPlanImporter, livelihoodPlanImporter];
