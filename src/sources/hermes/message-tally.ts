import { toolResultFailed } from './tool-result.js';

/** One row of Hermes' `messages` (or one message of `hermes sessions export`), as read. */
export interface MessageRow {
  role: unknown;
  /** Only needed for `tool` and `user` rows, and for the last row. */
  content: unknown;
  tool_call_id: unknown;
  tool_calls: unknown;
  finish_reason: unknown;
  /** 1 (or absent, before Hermes had the column): the live history. */
  active: unknown;
  /** 1 on a row that in-place compaction archived (active 0); 0 with active 0: undone. */
  compacted: unknown;
}

/** The prompt Hermes adds when a run reaches its iteration limit (`handle_max_iterations`). */
const ITERATION_LIMIT =
  /^\s*you(?:'ve| have) reached the maximum number of tool-calling iterations/i;
/** How a final answer ends (OpenAI-style and Anthropic-style providers). */
const FINAL_FINISH = new Set(['stop', 'end_turn']);

/**
 * What the messages of one session add up to, read in order:
 * - tool calls over the history without undone rows (`/undo` sets `active = 0, compacted = 0`),
 *   each counted once by `tool_call_id` (compaction archives rows with `active = 0, compacted = 1`
 *   and re-inserts copies), failed by batch_runner's rule (`toolResultFailed`) on its first result;
 * - the live rows (`active = 1`) and the last two of them, for the outcome;
 * - the first user message of that history: the task's prompt.
 */
export class MessageTally {
  liveRows = 0;
  prompt: string | undefined;
  private readonly calls = new Map<string, boolean>();
  private unnamedCalls = 0;
  private unnamedFailed = 0;
  private last: MessageRow | undefined;
  private beforeLast: MessageRow | undefined;

  add(row: MessageRow): void {
    const live = row.active === undefined || row.active === null || Number(row.active) === 1;
    const undone = !live && Number(row.compacted) !== 1;
    if (undone) return;
    if (row.role === 'tool') {
      const failed = toolResultFailed(row.content);
      const id =
        typeof row.tool_call_id === 'string' && row.tool_call_id !== ''
          ? row.tool_call_id
          : undefined;
      if (id === undefined) {
        this.unnamedCalls++;
        if (failed) this.unnamedFailed++;
      } else if (!this.calls.has(id)) this.calls.set(id, failed);
    } else if (row.role === 'user' && this.prompt === undefined) {
      this.prompt = typeof row.content === 'string' ? row.content : '';
    }
    if (!live) return;
    this.liveRows++;
    this.beforeLast = this.last;
    this.last = row;
  }

  get toolCalls(): number {
    return this.calls.size + this.unnamedCalls;
  }

  get failedToolCalls(): number {
    let failed = this.unnamedFailed;
    for (const value of this.calls.values()) if (value) failed++;
    return failed;
  }

  /**
   * What the live history says of the outcome, as batch_runner judges a run: true when it ends in
   * a final answer (an assistant row without tool calls that finished), false when it ends in the
   * summary Hermes forces at the iteration limit, else undefined.
   */
  get outcome(): boolean | undefined {
    const last = this.last;
    if (last?.role !== 'assistant') return undefined;
    const before = this.beforeLast;
    if (
      before?.role === 'user' &&
      typeof before.content === 'string' &&
      ITERATION_LIMIT.test(before.content)
    ) {
      return false;
    }
    const hasCalls =
      typeof last.tool_calls === 'string'
        ? last.tool_calls.trim() !== '' && last.tool_calls !== '[]'
        : Array.isArray(last.tool_calls) && last.tool_calls.length > 0;
    if (hasCalls) return undefined;
    return typeof last.finish_reason === 'string' && FINAL_FINISH.has(last.finish_reason)
      ? true
      : undefined;
  }
}
