import { parseInputs } from '../config/parse-inputs.js';
import { ANALYSIS_FLAGS, analysisInputs, renderReport, writeHtml } from './analysis-flags.js';
import { parseFlags } from './parse-flags.js';
import { analyzeFiles } from './analyze-files.js';
import { SOURCE_FLAGS, SOURCE_HELP, sourceSettings } from './source-flags.js';
import { UsageError } from './usage-error.js';

export const ANALYZE_HELP = `Usage: ab-verdict analyze <files|dirs|globs...> [options]

Compare the control and treatment sessions in result files or agents' own logs (Claude Code,
Codex, Hermes, inspect_ai; your own CSV or JSON with --map) and print the verdict. Result files are .json (an object, an array, or the seed's
test file) or .jsonl; a directory means every such file and log below it; quote globs
('results/**/*.jsonl').

Options:
  --control <variant>          control variant (default: cold)
  --treatment <variant>        treatment variant (default: warm)
  --experiment <id>            analyse only this experiment's records (default: the one the records name)
  --primary <metric>           the metric that decides (default: tool_error_rate)
  --alpha <p>                  significance level (default: 0.05)
  --min-effect <fraction>      smallest relative change worth detecting, 0.1 or 10% (default: 0.1)
  --equivalence-margin <f>     relative margin for "no difference" (default: the min effect)
  --expected-split <c/t>       expected share of sessions per arm, e.g. 50/50 or 30/70 (default: 50/50)
  --correction <holm|bh|none>  multiple-testing correction of the non-primary metrics (default: holm)
  --method <m>                 fixed-horizon (default) or sequential: always-valid intervals, safe
                               to look at after every run
  --expected-sessions <n>      sessions (both arms) the sequential boundary is tuned for (default: 400)
  --segments <fields>          break the primary metric down by these record fields, e.g.
                               category,difficulty,model
  --cap <percentile>           cap continuous metrics at this percentile of both arms pooled, e.g. 99
  --chance-to-beat             report the Bayesian chance that the treatment beats the control
  --metrics <json|file>        metric settings: {"cost_usd": {"better": "lower", "role": "guardrail"}}
  --on-invalid <fail|skip>     stop on invalid records, or analyse the valid ones (default: fail)
  --json                       print the report contract v1 as JSON
  --markdown                   print the report as Markdown (with every task)
  --tasks                      list every task in the terminal report: the primary metric per
                               arm, the difference, flipped and flaky tasks
  --html <file>                also write the report as one self-contained HTML page (charts,
                               sortable task table; opens offline)
  -h, --help                   show this help

${SOURCE_HELP}

Exit codes: 0 done, 1 invalid input, 2 usage error.`;

export interface CommandIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function analyzeCommand(args: string[], io: CommandIO): Promise<void> {
  const { values, positionals } = parseFlags('analyze', args, {
    ...ANALYSIS_FLAGS,
    ...SOURCE_FLAGS,
    experiment: { type: 'string' },
    'on-invalid': { type: 'string' },
  });
  if (values.help) {
    io.stdout(ANALYZE_HELP + '\n');
    return;
  }
  if (positionals.length === 0) {
    throw new UsageError('expected at least one result file, directory or glob', 'analyze');
  }
  const config = parseInputs({
    ...(await analysisInputs(values, io.cwd)),
    experiment: values.experiment,
    onInvalid: values['on-invalid'],
  });

  const source = await sourceSettings(values, 'analyze', io.cwd);
  const report = await analyzeFiles(positionals, config, io, source);
  await writeHtml(report, values, io.cwd);
  io.stdout(renderReport(report, values));
}
