import { resolve } from 'node:path';
import type { ActionSettings } from '../config/action-inputs.js';
import { ArtifactStore } from '../store/artifact-store.js';
import type { StoreBackend } from '../store/backend.js';
import { DirStore } from '../store/dir-store.js';
import { NoStore } from '../store/none-store.js';
import type { Environment } from './environment.js';
import { StepError } from './step-error.js';
import { annotationLog } from './store-log.js';

/** The backend the `store` input names. */
export function storeBackend(settings: ActionSettings, env: Environment): StoreBackend {
  const { store, config } = settings;
  switch (store.kind) {
    case 'none':
      return new NoStore();
    case 'dir':
      return new DirStore(resolve(env.workspace, store.path), config.experiment, annotationLog);
    case 'artifact':
      if (!env.artifacts) throw new StepError('store: artifact needs the github-token input');
      return new ArtifactStore({
        experiment: config.experiment,
        service: env.artifacts,
        log: annotationLog,
        now: env.now,
        lookbackDays: settings.lookbackDays,
        retentionDays: settings.retentionDays,
        tempDir: env.tempDir,
        budgets: env.storeBudgets,
      });
  }
}
