/**
 * Preload (`node --import`) that writes the process's peak resident set size, in KiB, to the file
 * named by AB_BENCH_RSS_FILE when the process exits. It lets the bench measure any Node command the
 * same way, without depending on /usr/bin/time.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.AB_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => writeFileSync(target, `${process.resourceUsage().maxRSS}\n`));
}
