/** A worker thread: runs the jobs it is sent and sends back their results (see `pool.ts`). */
import { parentPort } from 'node:worker_threads';
import { runJob, type Job } from './jobs.js';

parentPort?.on('message', (job: Job) => parentPort?.postMessage(runJob(job)));
