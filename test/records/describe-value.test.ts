import { describe, expect, it } from 'vitest';
import { describeValue, kindOf } from '../../src/records/describe-value.js';

describe('describeValue', () => {
  it('shows small values as compact JSON', () => {
    expect(describeValue('five')).toBe('"five"');
    expect(describeValue(-1)).toBe('-1');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(null)).toBe('null');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue([1, 'x', null])).toBe('[1,"x",null]');
    expect(describeValue(undefined)).toBe('nothing');
  });

  it('cuts long values to 40 characters and an ellipsis', () => {
    expect(describeValue('x'.repeat(1000))).toBe(`"${'x'.repeat(39)}…`);
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`key${i}`, i]));
    expect(describeValue(wide)).toBe('{"key0":0,"key1":1,"key2":2,"key3":3,"ke…');
  });

  it('describes a value nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(describeValue(deep)).toBe('{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":…');
  });
});

describe('kindOf', () => {
  it('names JSON kinds in plain words', () => {
    expect([[], {}, 'a', 1, false, null].map(kindOf)).toEqual([
      'an array',
      'an object',
      'a string',
      'a number',
      'a boolean',
      'null',
    ]);
  });
});
