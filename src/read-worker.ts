import { workerData } from 'node:worker_threads';
import { isRangeTask, runRangeTask } from './records/read-jsonl-parallel.js';

// A worker thread of the CLI reading part of a large JSON Lines file. Its own small bundle: a
// worker started on the CLI's bundle spent a quarter of a second loading the whole CLI first.
if (isRangeTask(workerData)) await runRangeTask(workerData);
