import type { Source } from '../types.js';
import { readMapped } from './read.js';

/**
 * A team's own CSV, JSON or JSON Lines files, read through a field mapping (`--map`): never
 * detected, only named (`--from map`, which `--map` implies).
 */
export const mapped: Source = {
  name: 'map',
  detect: () => false,
  read: readMapped,
};
