import type { Direction } from '../config/experiment-config.js';
import type { Verdict } from './report-types.js';

/** An arm of the experiment, as the drill-down names it. */
export type Arm = 'control' | 'treatment';

/** Sessions of one arm on one task that solved it, out of those that say whether they did. */
export interface Solved {
  solved: number;
  sessions: number;
}

/** One task: the primary metric per arm, the paired difference, and how often each arm solved it. */
export interface TaskRow {
  task: string;
  /** The task's category, as its first session names it. */
  category: string | null;
  sessions: { control: number; treatment: number };
  /** The primary metric over the task's sessions of each arm: a mean, or Σ/Σ for a ratio. */
  control: number | null;
  treatment: number | null;
  /** Treatment minus control; null unless both arms ran the task. */
  difference: number | null;
  /** For the treatment: better (win), worse (loss) or equal (tie); null unless both arms ran it. */
  outcome: 'win' | 'loss' | 'tie' | null;
  /**
   * How far the mean of the per-task differences moves when this task is left out: the task's
   * weight in the paired comparison. Null unless both arms ran it.
   */
  influence: number | null;
  /** Per arm; null when none of the task's sessions in that arm says whether it solved the task. */
  solved: { control: Solved | null; treatment: Solved | null };
  /** The arm that solved the task every time while the other never did. */
  flipped: Arm | null;
  /** The arms whose repetitions disagree: the task was solved in some and not in others. */
  flaky: Arm[];
}

/** The verdict with one task or one category left out. */
export interface VerdictCheck {
  kind: 'task' | 'category';
  name: string;
  /** Sessions left out with it, both arms. */
  sessions: number;
  verdict: Verdict;
  winner: string | null;
}

/** pass@k (solved at least once in k tries) and pass^k (solved all k times), averaged over tasks. */
export interface PassAtK {
  k: number;
  /** Tasks with at least k sessions in each arm, which the averages are over. */
  tasks: number;
  control: { passAtK: number; passHatK: number };
  treatment: { passAtK: number; passHatK: number };
}

/** The per-task drill-down of the primary metric (report contract v1, `tasks`). */
export interface TaskDrilldown {
  /** The primary metric, compared per task. */
  metric: string;
  better: Direction;
  /**
   * The metric that says whether a session solved its task, for flipped, flaky and pass@k: the
   * primary metric when it is binary, else `success`; null when the sessions have neither.
   */
  outcome: string | null;
  counts: {
    /** Tasks both arms ran. */
    paired: number;
    controlOnly: number;
    treatmentOnly: number;
    wins: number;
    losses: number;
    ties: number;
    /** Tasks only the control / only the treatment solved, every time. */
    flipped: { control: number; treatment: number };
    /** Tasks whose repetitions in that arm disagree. */
    flaky: { control: number; treatment: number };
  };
  /** With repetitions (k ≥ 2 sessions per task in each arm); else null. */
  passAtK: PassAtK | null;
  /**
   * Whether the verdict survives leaving out the most influential tasks (a few) and category
   * (one), each in turn until one changes it (`restsOn`); null when the verdict is not a decision
   * (inconclusive, insufficient data).
   */
  robustness: { checks: VerdictCheck[]; restsOn: VerdictCheck | null } | null;
  /** The tasks, most influential first (then by name); at most `ROW_LIMIT` of them. */
  rows: TaskRow[];
  /** Tasks left out of `rows` by that limit: the least influential ones. */
  omittedRows: number;
}
