/**
 * How the benchmarks measure a command: `node <args>` in a child process with stdout discarded,
 * its wall time and its peak RSS (through report-max-rss.mjs); several runs summarised.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Runs `node <args>` (extra `env` on top of this process's) and returns its wall time in seconds
 * and peak RSS in KiB; a failure ends this process with exit code 1, saying which command failed.
 */
export async function measure(name, args, { rssFile, env = {} }) {
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', './scripts/lib/report-max-rss.mjs', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env, AB_BENCH_RSS_FILE: rssFile },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
  const [code, signal] = await once(child, 'close');
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0 || !existsSync(rssFile)) {
    console.error(
      `${name} failed (${signal ?? `exit code ${code}`}): node ${args.join(' ')}\n${stderr}`,
    );
    process.exit(1);
  }
  return { seconds, rssKiB: Number(readFileSync(rssFile, 'utf8')) };
}

/** Median wall time over the runs; the highest peak RSS of any run. */
export function summarise(list) {
  const times = list.map((r) => r.seconds).sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const seconds = times.length % 2 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
  return { seconds, rssMiB: Math.max(...list.map((r) => r.rssKiB)) / 1024 };
}
