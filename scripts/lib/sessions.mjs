/**
 * The synthetic session generator shared by `make-example.mjs` and `bench.mjs`: an AI coding agent
 * running tasks cold (fresh session) and warm (seeded with context mined from earlier successful
 * sessions). Every number below is made up; the README of examples/warm-vs-cold lists the effects.
 */
import { createRandom, inverseLogit, logit } from './random.mjs';

const CATEGORIES = ['refactor', 'bugfix', 'tests', 'docs', 'deps'];

/**
 * The cold arm per difficulty: share of tasks, mean tool calls, share of tool calls that fail,
 * success rate, median completion time and mean user corrections. Hard tasks use more tools, fail
 * more of them and take much longer.
 */
const DIFFICULTY = {
  easy: {
    share: 0.35,
    toolCalls: 14,
    toolErrorRate: 0.07,
    success: 0.88,
    seconds: 180,
    corrections: 0.2,
  },
  medium: {
    share: 0.4,
    toolCalls: 28,
    toolErrorRate: 0.1,
    success: 0.74,
    seconds: 480,
    corrections: 0.4,
  },
  hard: {
    share: 0.25,
    toolCalls: 50,
    toolErrorRate: 0.15,
    success: 0.55,
    seconds: 1200,
    corrections: 0.8,
  },
};

/** How much a category leans on tools: docs need few commands, refactors many. */
const CATEGORY_TOOL_FACTOR = { refactor: 1.25, bugfix: 1, tests: 1.1, docs: 0.6, deps: 0.85 };

/**
 * What the warm start changes: the truth an analysis should recover. It does not change user
 * corrections. The mined context costs prompt tokens on every warm session.
 */
const WARM_EFFECT = {
  toolErrorLogOdds: -0.65, // ~12% → ~7% of tool calls fail overall (10% → 5.5% on medium)
  successLogOdds: 0.4, // 74% success becomes ~81%
  timeFactor: 0.88, // 12% faster
  toolCallFactor: 0.95,
  tokensPerSnippet: 1200,
};

/**
 * How strongly a task's own hardness (a standard normal per task, beyond its difficulty label)
 * moves each outcome. Tasks differ, and both arms of a task share the same hardness.
 */
const HARDNESS = { toolErrorLogOdds: 0.25, successLogOdds: -0.5, logSeconds: 0.25 };

// Spread of one session around its task: tool calls, tool error log-odds, log completion time.
const SESSION_SD = { logToolCalls: 0.3, toolErrorLogOdds: 0.2, logSeconds: 0.45 };

const TOOL_ERRORS = [
  'Edit: old_string not found in file',
  'Bash: command exited with code 1',
  'Bash: command timed out after 120 s',
  'Read: ENOENT: no such file or directory',
  'Write: file was modified since it was last read',
  'Grep: invalid regular expression',
  'Bash: npm ERR! ERESOLVE unable to resolve dependency tree',
  'WebFetch: request failed with status 429',
];

const USD_PER_TOKEN = 4.5e-6;

/**
 * Yields `sessions` records, alternating cold and warm over `tasks` tasks, round-robin, so that
 * every task gets the same number of sessions per arm (when `sessions` is a multiple of 2·tasks).
 */
export function* generateSessions({
  seed,
  sessions,
  tasks,
  experiment = 'warm-vs-cold',
  start = Date.UTC(2025, 2, 3, 9),
}) {
  const random = createRandom(seed);
  const taskList = makeTasks(random, tasks);
  let clock = start;
  for (let i = 0; i < sessions; i++) {
    const task = taskList[Math.floor(i / 2) % tasks];
    const variant = i % 2 === 0 ? 'cold' : 'warm';
    const run = Math.floor(i / (2 * tasks)) + 1;
    // Sessions start a few minutes apart and overlap, as on a pool of runners.
    clock += 1000 * (30 + random.int(180));
    yield makeSession(random, { task, variant, run, experiment, startMs: clock });
  }
}

/** Task ids such as `refactor-03`: categories in turn, numbered within each category. */
function makeTasks(random, count) {
  const width = Math.max(2, String(Math.ceil(count / CATEGORIES.length)).length);
  const shares = Object.fromEntries(Object.entries(DIFFICULTY).map(([name, d]) => [name, d.share]));
  return Array.from({ length: count }, (_, k) => {
    const category = CATEGORIES[k % CATEGORIES.length];
    const number = String(Math.floor(k / CATEGORIES.length) + 1).padStart(width, '0');
    return {
      id: `${category}-${number}`,
      category,
      difficulty: random.weighted(shares),
      hardness: random.normal(),
    };
  });
}

function makeSession(random, { task, variant, run, experiment, startMs }) {
  const warm = variant === 'warm';
  const tools = toolUse(random, task, warm);
  const success = random.bernoulli(successProbability(task, warm));
  const seconds = completionSeconds(random, task, warm);
  const corrections = random.poisson(DIFFICULTY[task.difficulty].corrections);
  // A message per two tool calls or so, the opening exchange, and a reply to each correction.
  const messages = 2 + random.poisson(tools.calls / 2) + 2 * corrections;
  const snippets = warm ? 2 + random.int(5) : 0;
  const tokens = Math.round(
    (tools.calls * 1500 + messages * 400 + snippets * WARM_EFFECT.tokensPerSnippet) *
      random.logNormal(1, 0.15),
  );
  return {
    session_id: `${variant}-${task.id}-s${run}`,
    variant,
    task_id: task.id,
    experiment,
    success,
    tool_calls: tools.calls,
    successful_tool_calls: tools.calls - tools.failed,
    completion_time_seconds: seconds,
    message_count: messages,
    user_corrections: corrections,
    errors: errorMessages(random, tools.failed, success),
    category: task.category,
    difficulty: task.difficulty,
    start_time: new Date(startMs).toISOString(),
    end_time: new Date(startMs + Math.round(seconds * 1000)).toISOString(),
    metrics: { cost_usd: Number((tokens * USD_PER_TOKEN).toFixed(4)), tokens },
    notes: warm
      ? `synthetic; warm start with ${snippets} context snippets from earlier successful sessions`
      : 'synthetic; cold start',
  };
}

function toolUse(random, task, warm) {
  const base = DIFFICULTY[task.difficulty];
  const meanCalls =
    base.toolCalls *
    CATEGORY_TOOL_FACTOR[task.category] *
    (warm ? WARM_EFFECT.toolCallFactor : 1) *
    random.logNormal(1, SESSION_SD.logToolCalls);
  const calls = random.poisson(meanCalls);
  const errorLogOdds =
    logit(base.toolErrorRate) +
    HARDNESS.toolErrorLogOdds * task.hardness +
    random.normal(0, SESSION_SD.toolErrorLogOdds) +
    (warm ? WARM_EFFECT.toolErrorLogOdds : 0);
  return { calls, failed: random.binomial(calls, inverseLogit(errorLogOdds)) };
}

function successProbability(task, warm) {
  return inverseLogit(
    logit(DIFFICULTY[task.difficulty].success) +
      HARDNESS.successLogOdds * task.hardness +
      (warm ? WARM_EFFECT.successLogOdds : 0),
  );
}

/** Log-normal around the difficulty's median: skewed, with a long tail of slow sessions. */
function completionSeconds(random, task, warm) {
  const median =
    DIFFICULTY[task.difficulty].seconds *
    Math.exp(HARDNESS.logSeconds * task.hardness) *
    (warm ? WARM_EFFECT.timeFactor : 1);
  return Math.round(10 * random.logNormal(median, SESSION_SD.logSeconds)) / 10;
}

/** Up to two of the failed tool calls, and a closing line when the task was not solved. */
function errorMessages(random, failed, success) {
  const errors = Array.from({ length: Math.min(failed, 2) }, () => random.pick(TOOL_ERRORS));
  if (!success) errors.push('Task not completed: acceptance check still failing at session end');
  return errors;
}
