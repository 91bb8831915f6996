import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from './dispatch.js';
import { Faults } from './faults.js';
import { FakeState } from './state.js';

export { pullRequestEvent, plainEvent } from './events.js';
export type { Fault, FaultEffect, FaultSpec, Faults } from './faults.js';
export type { FakeJob, FakeRun, NewRunOptions, TokenOptions } from './registry.js';
export type { FakeState, ListingOrder, SeedArtifactOptions, SeedComment } from './state.js';
export type * from './types.js';
export { pathTraversalZip, truncatedZip, zipBomb, zipOf, type ZipFiles } from './zips.js';

export interface FakeGitHubOptions {
  /** `owner/name` of the repository the fake serves. Default `octo-org/ab-demo`. */
  repository?: string;
}

export interface FakeGitHub {
  /** `http://127.0.0.1:<port>`: the results service, blob storage and REST API in one. */
  url: string;
  state: FakeState;
  faults: Faults;
  close(): Promise<void>;
}

/**
 * GitHub's artifact services and REST API, offline, on a free loopback port.
 *
 *   const fake = await startFakeGitHub();
 *   const run = fake.state.newRun();                 // env + token of one workflow run
 *   const step = await runAction({ fake, run, inputs: { experiment: 'x' } });
 *   expect(fake.state.comments(1)).toHaveLength(1);
 *   expect(fake.state.unhandled).toEqual([]);
 *   await fake.close();
 */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state = new FakeState(url, options.repository ?? 'octo-org/ab-demo');
  const faults = new Faults(state);
  server.on('request', (req, res) => {
    // A client that hangs up mid-request is no reason to crash the test run.
    dispatch(req, res, state, faults).catch(() => res.destroy());
  });
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  };
  return { url, state, faults, close };
}
