#!/usr/bin/env node
// A fake agent for the example experiment: no model, no network, the same behaviour for the same
// session every time. It "works" on its task for a moment, makes tool calls of which some fail,
// and writes its metrics as one JSON record to the file ab-verdict names in AB_VERDICT_RESULT.
// Given a warm-up context (AB_VERDICT_CONTEXT_FILE), it makes half as many tool errors.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const env = process.env;
const session = env.AB_VERDICT_SESSION_ID;
if (!session || !env.AB_VERDICT_RESULT) {
  console.error('agent.mjs: run me with ab-verdict run (AB_VERDICT_SESSION_ID is not set)');
  process.exit(2);
}

/** A number in [0, 1) drawn from the text: the dice of this fake. */
const draw = (text) => createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;

const warm = env.AB_VERDICT_CONTEXT_FILE ? readFileSync(env.AB_VERDICT_CONTEXT_FILE, 'utf8') : '';
// Harder tasks make more errors, in both variants alike.
const difficulty = draw(`task ${env.AB_VERDICT_TASK_ID}`);
const errorRate = (0.12 + 0.2 * difficulty) * (warm.trim() ? 0.35 : 1);

const toolCalls = 6 + Math.floor(draw(`${session} calls`) * 10);
let failed = 0;
for (let call = 0; call < toolCalls; call++) {
  if (draw(`${session} call ${call}`) < errorRate) failed++;
}
await sleep(20 + draw(`${session} time`) * 80);

const record = {
  success: draw(`${session} success`) < 0.95 - 0.08 * failed,
  tool_calls: toolCalls,
  successful_tool_calls: toolCalls - failed,
  message_count: 2 * toolCalls + 2,
  metrics: { tokens: 1500 + 400 * toolCalls },
};
writeFileSync(env.AB_VERDICT_RESULT, JSON.stringify(record));
