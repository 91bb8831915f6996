/** Runs jobs on worker threads, or in this thread when one worker is asked for. */
import { Worker } from 'node:worker_threads';
import { runJob, type Job, type JobResult } from './jobs.js';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const MODULE = new URL('./worker.ts', import.meta.url).href;

/** The results in the order of `jobs`, whatever order the workers finish in. */
export async function runJobs(jobs: readonly Job[], workers: number): Promise<JobResult[]> {
  if (workers <= 1) return jobs.map(runJob);
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  const drain = async (worker: Worker): Promise<void> => {
    try {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await send(worker, jobs[index]!);
      }
    } catch (error) {
      next = jobs.length; // the other workers stop after their current job
      throw error;
    } finally {
      await worker.terminate();
    }
  };
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, () =>
    drain(new Worker(ENTRY, { workerData: { module: MODULE } })),
  );
  await Promise.all(pool);
  return results;
}

/** Sends one job and waits for its result; a worker that fails or exits rejects. */
function send(worker: Worker, job: Job): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      worker.off('message', done);
      worker.off('error', fail);
      worker.off('exit', exited);
    };
    const done = (result: JobResult) => {
      stop();
      resolve(result);
    };
    const fail = (error: Error) => {
      stop();
      reject(error);
    };
    const exited = (code: number) => fail(new Error(`a calibration worker exited (code ${code})`));
    worker.on('message', done);
    worker.on('error', fail);
    worker.on('exit', exited);
    worker.postMessage(job);
  });
}
