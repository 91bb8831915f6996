import type { ArmAttrition } from './attrition.js';
import type { RunReport } from './run-report.js';

/**
 * What a run did, in a few lines for the terminal: sessions finished and lost, attrition per
 * arm (flagged when it differs between the arms), and why `--until-decided` stopped.
 */
export function summaryText(report: RunReport, what: string): string {
  const { sessions } = report;
  const lines = [
    `${what}: ${sessions.finished} of ${sessions.scheduled} sessions finished` +
      (sessions.resumed > 0 ? ` (${sessions.resumed} in earlier runs)` : '') +
      `, ${sessions.lost} lost to infrastructure failures.`,
  ];
  const { control, treatment, differs, pValue } = report.attrition;
  if (control.lost + treatment.lost > 0) {
    lines.push(`Attrition: ${armText(control)}, ${armText(treatment)}.`);
  }
  if (differs) {
    lines.push(
      `Warning: attrition differs between the arms (Fisher's exact test p = ${Number(pValue!.toPrecision(2))}): the sessions that remain may no longer be comparable; find out why sessions of ${control.lost > treatment.lost ? control.variant : treatment.variant} fail before trusting the verdict.`,
    );
  }
  lines.push(stopText(report));
  return lines.filter(Boolean).join('\n') + '\n';
}

function armText(arm: ArmAttrition): string {
  return `${arm.variant} lost ${arm.lost} of ${arm.scheduled}`;
}

function stopText({ stop, looks }: RunReport): string {
  switch (stop.reason) {
    case 'decided':
      return `Stopped after round ${stop.round} of ${stop.rounds} (${looks.at(-1)} sessions): the sequential analysis decided ${stop.verdict}.`;
    case 'maximum':
      return `Ran all ${stop.rounds} rounds (${looks.at(-1)} sessions) without a decision: the verdict is ${stop.verdict}.`;
    case 'interrupted':
      return 'Interrupted: the sessions in flight were stopped. Run the same command again to resume.';
    case 'complete':
      return '';
  }
}
