import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FirstRunTask } from '../bootstrap.js';
import { systemActor } from '../actor.js';
import { importDocuments } from './import-documents.js';

export const BUNDLED_DOCUMENTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/documents/yili-2023-government-documents.txt');

/** Imports the bundled 2023 documents once per database (YIZHENG_IMPORT_BUNDLED=false turns it off). */
export const documentsFirstRunTask: FirstRunTask = {
  key: 'documents-bundled-2023',
  description: '导入随附的2023年公文（assets/documents）',
  enabled: (config) => config.importBundledDocuments,
  async run(database, _config, log) {
    const text = fs.readFileSync(BUNDLED_DOCUMENTS, 'utf8');
    const report = await importDocuments(database, systemActor(), text, { source: path.basename(BUNDLED_DOCUMENTS) });
    const bodies = report.built.filter((b) => b.importer === 'directory.bodies').flatMap((b) => b.items).length;
    log.info(`公文：新增 ${report.added} 份，未变 ${report.unchanged} 份；议事协调机构 ${bodies} 个`);
  },
};
