import type { StoreBackend, StoreRead, StoreWritten } from './backend.js';

/** `store: none`: analyse this run's results alone and keep nothing. */
export class NoStore implements StoreBackend {
  readonly description = 'no store';

  async read(): Promise<StoreRead> {
    return { snapshots: [], skipped: [] };
  }

  async write(): Promise<StoreWritten | null> {
    return null;
  }
}
