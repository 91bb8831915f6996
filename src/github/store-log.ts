import * as core from '@actions/core';
import type { StoreLog } from '../store/backend.js';

/** The store's messages as the runner shows them: log lines and annotations. */
export const annotationLog: StoreLog = {
  info: (message) => core.info(message),
  notice: (message, title) => core.notice(message, { title }),
  warning: (message, title) => core.warning(message, { title }),
};
