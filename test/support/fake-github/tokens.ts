import { randomBytes, randomUUID } from 'node:crypto';

/** Shaped like the installation token a job gets as `GITHUB_TOKEN`. */
export function newRestToken(): string {
  return `ghs_${randomBytes(18).toString('hex')}`;
}

export function newBackendId(): string {
  return randomUUID();
}

export function newSha(): string {
  return randomBytes(20).toString('hex');
}

/**
 * The job's `ACTIONS_RUNTIME_TOKEN`: an unsigned JWT (`alg: none`). @actions/artifact only decodes
 * it and reads the backend ids from the `Actions.Results:<run>:<job>` entry of `scp`.
 */
export function newRuntimeToken(runBackendId: string, jobBackendId: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    scp: `Actions.GenericRead:${runBackendId} Actions.Results:${runBackendId}:${jobBackendId}`,
    iat: now,
    exp: now + 6 * 3600,
  };
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}
