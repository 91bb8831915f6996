import { spawn } from 'node:child_process';

export interface StepProcess {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the fake answers from this process's event loop, so it must keep turning. */
export function spawnNode(
  node: string,
  script: string,
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<StepProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [script], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n[runAction] killed after ${options.timeoutMs} ms\n`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
