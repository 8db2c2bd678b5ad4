import type { CliCommand } from '../command.js';
import { systemCommands } from './system.js';

// One line per module.
export const COMMANDS: CliCommand[] = [...systemCommands];
