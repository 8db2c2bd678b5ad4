import type { FirstRunTask } from '../bootstrap.js';
import { systemActor } from '../actor.js';
import { seedCalendars } from './manage-calendar.js';

/** Stores the default calendars (national from chinese-days, 2023 with the region's days) once per database. */
export const calendarFirstRunTask: FirstRunTask = {
  key: 'calendar-defaults',
  description: '写入默认工作日历（全国节假日安排及2023年自治区节假日）',
  async run(database, _config, log) {
    const added = await seedCalendars(database, systemActor());
    log.info(`工作日历：已写入 ${added.length} 个年度（${added[0] ?? ''}–${added.at(-1) ?? ''}），其中仅 2023 年含自治区节假日`);
  },
};
