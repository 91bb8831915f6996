// A stand-in step for testing runAction: echoes what it sees and uses each workflow command.
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';

const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH ?? '', 'utf8'));
core.setOutput('min-effect', core.getInput('min-effect'));
core.setOutput('experiment-name', core.getInput('experiment name'));
core.setOutput('multiline', 'first line\nsecond line');
core.setOutput('sha', process.env.GITHUB_SHA);
core.setOutput('ref', process.env.GITHUB_REF);
core.setOutput('pr', String(event.pull_request?.number ?? ''));
core.setOutput('node', process.version);
core.setOutput('cwd-is-workspace', String(process.cwd() === process.env.GITHUB_WORKSPACE));
// Nothing of the test process (vitest sets VITEST) and no token unless passed as an input.
core.setOutput('leaked', String('VITEST' in process.env || 'GITHUB_TOKEN' in process.env));
core.warning('odd: 50%, really', { file: 'src/a,b.ts', startLine: 3, title: 'T: x' });
core.notice('two\nlines');
await core.summary.addHeading('Verdict').addRaw('all good').write();
core.setFailed('stopping here');
