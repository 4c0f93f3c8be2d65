import { describe, expect, it } from 'vitest';
import { ConcurrentChangeError, LOST_RACE, takeTurns } from '@pip/domain';

describe('taking turns with other writers', () => {
  it('tries again after each lost race until the write lands, and answers what it landed', async () => {
    let tries = 0;
    const landed = await takeTurns(async () => (++tries < 4 ? LOST_RACE : `landed on try ${tries}`), () => new Error('gave up'));
    expect(landed).toBe('landed on try 4');
    expect(tries).toBe(4);
  });

  it('answers at once when the attempt decides there is nothing to write', async () => {
    expect(await takeTurns(async () => false, () => new Error('gave up'))).toBe(false);
  });

  it('gives up with the error it is given after so many lost races', async () => {
    let tries = 0;
    const losing = takeTurns(async () => {
      tries += 1;
      return LOST_RACE;
    }, () => new ConcurrentChangeError('The selection'), 3);
    await expect(losing).rejects.toThrow('The selection was changed by someone else at the same time; try again');
    expect(tries).toBe(3);
  });

  it('lets an error from the attempt through untouched', async () => {
    await expect(takeTurns(async () => { throw new RangeError('no such area'); }, () => new Error('gave up'))).rejects.toThrow(RangeError);
  });
});
