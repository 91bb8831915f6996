import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/records/problems.js';

describe('formatProblem', () => {
  const message = 'expected a whole number >= 0, got "five"';

  it('puts a line number after a colon', () => {
    const problem = { file: 'results/warm.jsonl', location: '14', field: 'tool_calls', message };
    expect(formatProblem(problem)).toBe(
      'results/warm.jsonl:14: tool_calls: expected a whole number >= 0, got "five"',
    );
  });

  it('puts a line and column after colons', () => {
    const problem = { file: 'a.json', location: '3:7', field: '', message: 'not valid JSON (x)' };
    expect(formatProblem(problem)).toBe('a.json:3:7: not valid JSON (x)');
  });

  it('puts an array index right after the file', () => {
    const problem = {
      file: 'results/a.json',
      location: '[3]',
      field: 'success',
      message: 'expected true or false, got "yes"',
    };
    expect(formatProblem(problem)).toBe(
      'results/a.json[3]: success: expected true or false, got "yes"',
    );
  });

  it('joins a place in a seed test file and the field into one path', () => {
    const field = { file: 'seed.json', location: 'cold_results[2]', field: 'tool_calls', message };
    expect(formatProblem(field)).toBe(`seed.json: cold_results[2].tool_calls: ${message}`);
    const whole = { ...field, field: '', message: 'expected a JSON object, got an array' };
    expect(formatProblem(whole)).toBe(
      'seed.json: cold_results[2]: expected a JSON object, got an array',
    );
  });

  it('shows a problem with a whole file or a single-object file', () => {
    const empty = {
      file: 'results/empty.json',
      location: '',
      field: '',
      message: 'empty file, expected JSON records',
    };
    expect(formatProblem(empty)).toBe('results/empty.json: empty file, expected JSON records');
    const single = { file: 'one.json', location: '', field: 'tool_calls', message };
    expect(formatProblem(single)).toBe(`one.json: tool_calls: ${message}`);
  });
});
