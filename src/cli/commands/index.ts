import type { CliCommand } from '../command.js';
import { awardCommands } from './awards.js';
import { calendarCommands } from './calendar.js';
import { livelihoodCommands } from './livelihood.js';
import { pressCommands } from './press.js';
import { directoryCommands } from './directory.js';
import { documentCommands } from './documents.js';
import { opsCommands } from './ops.js';
import { systemCommands } from './system.js';

// One line per module.
export const COMMANDS: CliCommand[] = [...systemCommands, ...awardCommands, ...calendarCommands, ...pressCommands, ...livelihoodCommands, ...opsCommands, ...documentCommands, ...directoryCommands];
