import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  decodeTimelineCursor,
  emailTimelineEntry,
  encodeTimelineCursor,
  formatTimelineTime,
  kindOf,
  kindsToRead,
  parseTimelineKinds,
  timelineKinds,
  type AuditEntry,
  type TimelineCursor,
  type TimelineKind,
} from '@pip/domain';
import { MemoryAudit } from '../support/memory-ports';

const fieldOf = (thrown: () => unknown): string | undefined => {
  try {
    thrown();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors.map((fieldError) => fieldError.field).join(',');
    throw error;
  }
  return undefined;
};

const instant = fc.date({ min: new Date('2026-01-01T00:00:00.000Z'), max: new Date('2030-12-31T23:59:59.999Z'), noInvalidDate: true }).map((date) => date.toISOString());
const cursor = fc.record<TimelineCursor>({
  direction: fc.constantFrom('older', 'newer'),
  at: instant,
  entryId: fc.oneof(fc.uuid(), fc.stringMatching(/^email-(sent|delivered)-[a-z0-9-]{1,80}$/u)),
});

describe('the timeline’s page links', () => {
  it('carry a position that comes back exactly as it went, in characters an address needs no escaping for', () => {
    fc.assert(
      fc.property(cursor, (position) => {
        const encoded = encodeTimelineCursor(position);
        expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/u);
        expect(decodeTimelineCursor(encoded)).toEqual(position);
      }),
    );
  });

  it('refuse, by their field and never with a stack trace, anything this page did not make', () => {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const good = { d: 'o', at: '2026-11-26T14:05:00.000Z', id: 'b2c4-7e' };
    for (const bad of [
      '',
      'not base64!',
      Buffer.from('not json').toString('base64url'),
      json([1, 2]),
      json('a string'),
      json(null),
      json({ ...good, d: 'sideways' }),
      json({ ...good, at: 'yesterday' }),
      json({ ...good, at: '2026-13-45T99:99:99.000Z' }),
      json({ ...good, id: '' }),
      json({ ...good, id: 'has#hash' }),
      json({ ...good, id: 7 }),
      json({ ...good, pk: 'AREA#elsewhere' }),
      'A'.repeat(601),
    ]) {
      expect(fieldOf(() => decodeTimelineCursor(bad)), bad).toBe('cursor');
    }
    expect(decodeTimelineCursor(json(good))).toEqual({ direction: 'older', at: good.at, entryId: good.id });
  });
});

describe('the timeline’s kinds', () => {
  it('reads the filter’s checkboxes as API Gateway joins them, in the filter’s own order, and refuses a kind it does not have', () => {
    expect(parseTimelineKinds(undefined)).toEqual([]);
    expect(parseTimelineKinds('email,form')).toEqual(['form', 'email']);
    expect(parseTimelineKinds('email, email')).toEqual(['email']);
    expect(fieldOf(() => parseTimelineKinds('form,gossip'))).toBe('kind');
  });

  it('reads the whole log for no kind or every kind, and only the kinds asked for otherwise', () => {
    expect(kindsToRead([])).toBe('all');
    expect(kindsToRead(timelineKinds)).toBe('all');
    expect(kindsToRead(['email', 'decision'])).toEqual(['decision', 'email']);
    expect(kindOf({})).toBe('decision');
  });

  it('writes its times day first, in UK time whatever the season', () => {
    expect(formatTimelineTime('2026-11-26T14:05:00.000Z')).toBe('26 November 2026 at 2:05pm');
    expect(formatTimelineTime('2027-07-01T08:30:00.000Z')).toBe('1 July 2027 at 9:30am');
  });
});

describe('an email on its area’s timeline', () => {
  const email = { messageId: 'outcome-leeds-PIP-AAAA-BBBB', subject: 'You have been selected: Partnership Improvement Programme, Leeds', areaId: 'leeds', applicationId: 'PIP-AAAA-BBBB' };

  it('is named by its subject and its person by reference, never by address, once however often the report comes', () => {
    const entry = emailTimelineEntry({ ...email, ...{ to: 'amira@example.org' } }, 'bounced', '2027-03-01T10:00:00Z')!;
    expect(entry).toMatchObject({ areaId: 'leeds', kind: 'email', action: 'Email bounced', subjects: ['PIP-AAAA-BBBB'], at: '2027-03-01T10:00:00.000Z' });
    expect(JSON.stringify(entry)).not.toContain('amira');
    expect(emailTimelineEntry(email, 'bounced', '2027-03-01T10:00:00.000Z')).toEqual(entry);
    expect(emailTimelineEntry(email, 'given-up', '2027-03-01T10:00:00.000Z', 5)?.summary).toBe(`“${email.subject}” after 5 attempts.`);
  });

  it('is not on any timeline when it is about no area', () => {
    expect(emailTimelineEntry({ messageId: 'partner-link-p1-1', subject: 'Your nomination link' }, 'sent', '2027-03-01T10:00:00.000Z')).toBeUndefined();
  });
});

/** Entries at random instants (several may share one), of random kinds. */
const entriesOf = (count: number, kinds: readonly TimelineKind[], seed: number): AuditEntry[] =>
  Array.from({ length: count }, (_, index) => {
    const at = new Date(Date.parse('2027-01-01T00:00:00.000Z') + Math.floor(((index * 7919 + seed) % 997) / 3) * 1000).toISOString();
    return { areaId: 'leeds', entryId: `e-${String(index).padStart(4, '0')}`, at, actor: { name: 'Sam' }, action: 'Something', summary: '', kind: kinds[(index + seed) % kinds.length]! };
  });

async function pageThrough(audit: MemoryAudit, kinds: readonly TimelineKind[], size: number) {
  const pages: AuditEntry[][] = [];
  let from: TimelineCursor | undefined;
  do {
    const page = await audit.page('leeds', { kinds, ...(from ? { from } : {}), size });
    pages.push(page.entries);
    from = page.older ? { direction: 'older', ...page.older } : undefined;
    if (pages.length > 1) expect(page.newer).toBeDefined();
  } while (from);
  return pages;
}

describe('paging through a timeline', () => {
  it('shows every entry of the kinds asked for exactly once, newest first, whatever the count, and pages back the same way', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 160 }),
        fc.subarray([...timelineKinds], { minLength: 1 }),
        fc.subarray([...timelineKinds]),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 50 }),
        async (count, written, asked, seed, size) => {
          const audit = new MemoryAudit();
          for (const entry of entriesOf(count, written, seed)) await audit.record(entry);
          const expected = (await audit.listForArea('leeds')).filter((entry) => asked.length === 0 || asked.includes(kindOf(entry)));

          const pages = await pageThrough(audit, asked, size);
          expect(pages.flat().map((entry) => entry.entryId)).toEqual(expected.map((entry) => entry.entryId));
          expect(pages.slice(0, -1).every((page) => page.length === size)).toBe(true);

          // Back from the oldest page with "Newer": the same pages, in the same order, none lost or repeated.
          const last = pages.at(-1)!;
          const back: AuditEntry[][] = [last];
          let from: TimelineCursor | undefined = last[0] ? { direction: 'newer', at: last[0].at, entryId: last[0].entryId } : undefined;
          while (from) {
            const page = await audit.page('leeds', { kinds: asked, from, size });
            back.unshift(page.entries);
            from = page.newer ? { direction: 'newer', ...page.newer } : undefined;
          }
          expect(back.flat().map((entry) => entry.entryId)).toEqual(expected.map((entry) => entry.entryId));

          let exported: AuditEntry[] = [];
          for await (const entries of audit.pages('leeds', asked)) exported = [...exported, ...entries];
          expect(exported.map((entry) => entry.entryId)).toEqual(expected.map((entry) => entry.entryId));
        },
      ),
      { numRuns: 60 },
    );
  });
});
