import { describe, expect, it } from 'vitest';
import { executionName } from '@pip/functions/adapters/step-functions-control';

describe('Step Functions execution names of an area', () => {
  it('are the area id, then one per resumed attempt', () => {
    expect(executionName('leeds')).toBe('leeds');
    expect(executionName('leeds', '2027-03-01T10:15:00.123Z')).toBe('leeds--20270301T101500123Z');
  });

  it('stay within 80 letters, digits and hyphens however long the area id, and differ by attempt', () => {
    const long = 'a'.repeat(60) + '-with-a-very-long-name-indeed-of-the-kind-some-places-have';
    const names = [executionName(long), executionName(long, '2027-03-01T10:15:00.000Z'), executionName(long, '2027-03-02T10:15:00.000Z')];
    for (const name of names) expect(name).toMatch(/^[a-zA-Z0-9_-]{1,80}$/u);
    expect(new Set(names).size).toBe(3);
  });
});
