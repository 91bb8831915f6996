import { describe, expect, it } from 'vitest';
import { experimentSlug, storeArtifactName, suffixedName } from '../../src/store/names.js';

describe('artifact names', () => {
  it('keeps a plain experiment id as it is', () => {
    expect(storeArtifactName('warm-vs-cold')).toBe('ab-verdict-warm-vs-cold');
  });

  it('adds a hash when the id had to change, so two experiments never share a name', () => {
    const a = experimentSlug('warm vs cold');
    const b = experimentSlug('warm/vs/cold');
    expect(a).toMatch(/^warm-vs-cold-h[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(a).not.toBe(experimentSlug('warm-vs-cold'));
    expect(experimentSlug('"<>|*?')).toMatch(/^h[0-9a-f]{8}$/);
  });

  it('never ends in -<digits>, which suffixes use', () => {
    expect(experimentSlug('exp-2')).toMatch(/^exp-2-h[0-9a-f]{8}$/);
    expect(suffixedName(storeArtifactName('exp'), 2)).toBe('ab-verdict-exp-2');
    expect(storeArtifactName('exp-2')).not.toBe('ab-verdict-exp-2');
  });
});
