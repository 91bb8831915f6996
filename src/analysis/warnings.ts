import { formatPercent, pEquals } from './format-number.js';
import type { InputSummary, SrmReport } from './report-types.js';
import { SRM_THRESHOLD } from './sample-ratio.js';

interface Arms {
  control: string;
  treatment: string;
  sessions: [number, number];
}

/** Everything a reader of the verdict should know about the data, one sentence each. */
export function inputWarnings(input: InputSummary, srm: SrmReport, arms: Arms): string[] {
  const warnings: string[] = [];
  const [controlSessions, treatmentSessions] = arms.sessions;
  const others = Object.entries(input.otherVariants);
  for (const [name, sessions] of [
    [arms.control, controlSessions],
    [arms.treatment, treatmentSessions],
  ] as const) {
    if (sessions > 0) continue;
    const present = others.map(([variant, n]) => `${variant} (${n})`).join(', ');
    warnings.push(
      `No session has variant "${name}"${present ? `; the variants present are ${present}: choose them with --control and --treatment` : ''}.`,
    );
  }
  if (srm.mismatch) {
    const split = srm.expected.map((share) => formatPercent(share, false)).join('/');
    warnings.push(
      `Sample ratio mismatch: ${controlSessions} ${arms.control} vs ${treatmentSessions} ${arms.treatment} sessions where ${split} was expected (${pEquals(srm.pValue)} < ${SRM_THRESHOLD}). Sessions may be lost or assigned unevenly; find out why before trusting the verdict.`,
    );
  }
  const { conflicting, conflictingIds } = input.duplicates;
  if (conflicting > 0) {
    warnings.push(
      `${conflicting} session_id${conflicting === 1 ? ' was' : 's were'} reported again with different content; the later record was used (${conflictingIds.slice(0, 5).join(', ')}${conflicting > 5 ? ', …' : ''}).`,
    );
  }
  if (input.skippedInvalid > 0) {
    warnings.push(
      `${input.skippedInvalid} invalid record${input.skippedInvalid === 1 ? ' was' : 's were'} skipped (--on-invalid skip).`,
    );
  }
  if (others.length > 0 && controlSessions > 0 && treatmentSessions > 0) {
    warnings.push(
      `Sessions of other variants were left out: ${others.map(([variant, n]) => `${variant} (${n})`).join(', ')}.`,
    );
  }
  const experiments = Object.entries(input.otherExperiments);
  if (experiments.length > 0) {
    warnings.push(
      `Records of other experiments were left out: ${experiments.map(([name, n]) => `${name} (${n})`).join(', ')}.`,
    );
  }
  return warnings;
}
