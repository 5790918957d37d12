import { describe, expect, it } from 'vitest';
import { accentTolerant, STORY_LINK_CUES } from './cues.ts';

describe('accentTolerant', () => {
  it('matches the accented spelling and the plain one', () => {
    const re = new RegExp(`^${accentTolerant('tambien lee')}$`, 'iu');
    expect(['también lee', 'TAMBIÉN LEE', 'tambien lee'].map((t) => re.test(t))).toEqual([true, true, true]);
    expect(re.test('tambien leo')).toBe(false);
  });

  it('keeps a character class of the cue as it is', () => {
    const re = new RegExp(`^${accentTolerant('relacionad[oa]s?')}$`, 'iu');
    expect(['Relacionados', 'relacionada', 'relacionadas'].every((t) => re.test(t))).toBe(true);
    expect(re.test('relacionadx')).toBe(false);
  });

  it('reads every story-link cue in its written Spanish (hand-written spellings)', () => {
    const written = ['Lee también', 'Te podría interesar', 'Quizá te interese', 'Además lee', 'Lee más', 'En video'];
    for (const text of written) {
      expect(
        STORY_LINK_CUES.some((cue) => new RegExp(`^${accentTolerant(cue)}$`, 'iu').test(text)),
        text,
      ).toBe(true);
    }
  });
});
