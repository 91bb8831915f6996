import type { FileHead, Source } from '../types.js';
import { isObject, text } from '../values.js';
import { readClaudeCode } from './read.js';

/**
 * Claude Code: transcripts (`~/.claude/projects/<project>/<session>.jsonl`, with subagents'
 * sidechains in `<session>/subagents/agent-*.jsonl`) and what `claude -p --output-format
 * json|stream-json` prints. Sidechains are folded into their session by default, or omitted.
 */
export const claudeCode: Source = {
  name: 'claude-code',
  detect: ({ firstLine }: FileHead) => {
    if (!isObject(firstLine)) return false;
    const type = text(firstLine.type);
    if (type === 'result' || type === 'system') return text(firstLine.session_id) !== undefined;
    if (text(firstLine.agentType) !== undefined && text(firstLine.toolUseId) !== undefined) {
      return true; // a subagent's .meta.json
    }
    if (type === 'summary' && text(firstLine.leafUuid) !== undefined) return true;
    return type !== undefined && text(firstLine.sessionId) !== undefined;
  },
  read: readClaudeCode,
};
