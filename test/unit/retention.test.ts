import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY,
  applicationRetention,
  applicationsDue,
  areaRetentionFacts,
  isPseudonymised,
  keptForTheProgramme,
  retentionRule,
  retentionSchedule,
  retentionSummary,
  whenInWords,
  type AreaSelection,
  type MembershipChange,
  type Outcome,
} from '@pip/domain';
import { escapeHtml } from '@pip/html';
import { privacyPage } from '@pip/functions/pages/privacy-page';

const APPROVED_AT = '2027-02-20T10:00:00.000Z';
const WORKSHOPS_END = '2027-07-01T16:00:00.000Z';
const FOLLOW_UP = '2027-12-01T16:00:00.000Z';

const at = (instant: string, days: number) => new Date(Date.parse(instant) + days * DAY);

/** An approved selection: la1 and vc1 selected (la1 withdrew and la3 took the place), la2 a reserve, vc2 not selected, vc3 declined an offer. */
function selection(changes: Partial<AreaSelection> = {}): AreaSelection {
  const outcomes: Record<string, Outcome> = {
    la1: { kind: 'selected', reasons: [] },
    vc1: { kind: 'selected', reasons: [] },
    la2: { kind: 'reserve', rank: 2, reasons: [] },
    la3: { kind: 'reserve', rank: 1, reasons: [] },
    vc2: { kind: 'not-selected', reasons: [] },
    vc3: { kind: 'reserve', rank: 1, reasons: [] },
  };
  return {
    areaId: 'leeds',
    version: 5,
    status: 'approved',
    updatedBy: { staffId: 'sam', name: 'Sam Rivers' },
    updatedAt: APPROVED_AT,
    approvedBy: { staffId: 'sam', name: 'Sam Rivers' },
    approvedAt: APPROVED_AT,
    selected: { 'local-authority': ['la3'], 'voluntary-community': ['vc1'] },
    leads: { 'local-authority': 'la3', 'voluntary-community': 'vc1' },
    outcomes,
    reserves: { 'local-authority': ['la2'], 'voluntary-community': [] },
    offered: {},
    withdrawn: ['la1'],
    declined: ['vc3'],
    membership: [
      { applicationId: 'la1', change: 'left', at: '2027-03-01T09:00:00.000Z' },
      { applicationId: 'la3', change: 'joined', at: '2027-03-05T09:00:00.000Z' },
    ],
    ...changes,
  };
}

const facts = { selection: selection(), workshopsEndedAt: WORKSHOPS_END, followUpReviewAt: FOLLOW_UP };

describe('the privacy page', () => {
  /** Each rule as the page shows it: its heading, then the values of its summary list. */
  const sections = () =>
    [...privacyPage().toString().matchAll(/<h3 class="govuk-heading-s">([\s\S]*?)<\/h3>\s*<dl class="govuk-summary-list">([\s\S]*?)<\/dl>/g)].map((match) => [
      match[1]!,
      ...[...match[2]!.matchAll(/<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g)].map((cell) => cell[1]!),
    ]);

  it('has one section per rule of the retention schedule, with its period in words, what is left and why', () => {
    expect(sections()).toHaveLength(retentionSchedule.length);
    for (const [index, rule] of retentionSchedule.entries()) {
      const [what, when, leaves, why] = sections()[index]!;
      expect(what!.toLowerCase()).toBe(escapeHtml(rule.what).toLowerCase());
      expect(when!.toLowerCase()).toBe(escapeHtml(whenInWords(rule)).toLowerCase());
      expect(leaves!.toLowerCase()).toBe(escapeHtml(rule.leaves).toLowerCase());
      expect(why!.toLowerCase()).toBe(escapeHtml(rule.reason).toLowerCase());
    }
  });

  it('says how long the record of decisions and the backups are kept, and how to ask for a copy or for erasure', () => {
    const text = privacyPage().toString();
    expect(text).toContain(escapeHtml(keptForTheProgramme.audit));
    expect(text).toContain(escapeHtml(keptForTheProgramme.backups));
    expect(text).toContain('a copy of everything we hold about you');
    expect(text).toContain('Erasure');
  });

  it('draws a changed schedule, so a period changed in the rules is the period the page states', () => {
    const longer = retentionSchedule.map((rule) => (rule.record === 'email-content' ? { ...rule, days: 45 } : rule));
    expect(privacyPage(longer).toString()).toContain('45 days after the email is sent');
    expect(privacyPage().toString()).not.toContain('45 days after the email is sent');
  });
});

describe('the retention schedule in words', () => {
  it('states each period from its anchor', () => {
    expect(whenInWords(retentionRule('unsuccessful-applications'))).toBe('7 months after the selection for the area is approved (or after you withdrew, if that was later)');
    expect(whenInWords(retentionRule('email-content'))).toBe('1 month after the email is sent');
    expect(whenInWords(retentionRule('emailed-links'))).toBe('once the link stops working');
    expect(whenInWords(retentionRule('participant-details'))).toBe('12 months after the area’s follow-up review');
  });

  it('de-identifies evaluation answers with the participant, so one pseudonymisation honours both rules', () => {
    const participants = retentionRule('participant-details');
    const answers = retentionRule('evaluation-answers');
    expect([answers.anchor, answers.days]).toEqual([participants.anchor, participants.days]);
  });

  it('counts what it did in the timeline, never who', () => {
    expect(retentionSummary(retentionRule('emailed-links'), 3)).toEqual({
      action: 'Removed under the retention schedule',
      summary: `3 records removed: ${retentionRule('emailed-links').what}.`,
    });
    expect(retentionSummary(retentionRule('reserve-list'), 1).summary).toMatch(/^1 record pseudonymised/);
  });
});

describe('who is due under the application rules', () => {
  it('takes applicants who were not selected, or declined a place, from the approval plus the period', () => {
    const days = retentionRule('unsuccessful-applications').days;
    expect(applicationRetention(facts, 'vc2')).toEqual({ applicationId: 'vc2', record: 'unsuccessful-applications', anchoredAt: APPROVED_AT, dueAt: at(APPROVED_AT, days).toISOString() });
    expect(applicationRetention(facts, 'vc3')?.record).toBe('unsuccessful-applications');
  });

  it('counts a withdrawal from when they withdrew, later than the approval', () => {
    expect(applicationRetention(facts, 'la1')).toMatchObject({ record: 'unsuccessful-applications', anchoredAt: '2027-03-01T09:00:00.000Z' });
  });

  it('keeps reserves, offered or waiting, until the workshops end; and a reserve who took a place is a participant', () => {
    expect(applicationRetention(facts, 'la2')).toMatchObject({ record: 'reserve-list', dueAt: WORKSHOPS_END });
    const offered = selection({ reserves: { 'local-authority': [], 'voluntary-community': [] }, offered: { 'local-authority': 'la2' } });
    expect(applicationRetention({ ...facts, selection: offered }, 'la2')).toMatchObject({ record: 'reserve-list', dueAt: WORKSHOPS_END });
    expect(applicationRetention(facts, 'la3')).toMatchObject({ record: 'participant-details', dueAt: at(FOLLOW_UP, retentionRule('participant-details').days).toISOString() });
  });

  it('finds nobody due before there is something to count from', () => {
    expect(applicationRetention({ selection: selection({ status: 'draft' }) }, 'vc2')).toBeUndefined();
    expect(applicationRetention({ selection: selection() }, 'la2')).toBeUndefined();
    expect(applicationRetention({ selection: selection() }, 'vc1')).toBeUndefined();
    expect(applicationRetention(facts, 'someone-the-selection-never-knew')).toBeUndefined();
  });

  it('leaves out those already pseudonymised', () => {
    const long = at(FOLLOW_UP, 1000);
    const all = ['la1', 'la2', 'la3', 'vc1', 'vc2', 'vc3'].map((applicationId) => ({ applicationId, pseudonymised: applicationId === 'vc2' }));
    expect(applicationsDue(facts, all, long).map((due) => due.applicationId).sort()).toEqual(['la1', 'la2', 'la3', 'vc1', 'vc3']);
    expect(isPseudonymised({ answers: { email: 'person-3f2a@erased.invalid' } })).toBe(true);
    expect(isPseudonymised({ answers: { email: 'someone@leeds.gov.uk' } })).toBe(false);
  });

  it('takes the follow-up review from its confirmed date, or when it was recorded if later', () => {
    const followUp = { areaId: 'leeds', venue: 'Civic Centre', proposedBy: 'Sam', confirmedOptionId: 'b', options: [{ optionId: 'a', startsAt: '2027-11-01T10:00:00.000Z', endsAt: '2027-11-01T12:00:00.000Z' }, { optionId: 'b', startsAt: '2027-11-08T10:00:00.000Z', endsAt: '2027-11-08T12:00:00.000Z' }] };
    const recorded = { areaId: 'leeds', occasion: 'follow-up' as const, objectives: [], recordedBy: 'Sam', recordedAt: '2027-11-20T09:00:00.000Z' };
    expect(areaRetentionFacts(undefined, undefined, followUp, []).followUpReviewAt).toBe('2027-11-08T12:00:00.000Z');
    expect(areaRetentionFacts(undefined, undefined, followUp, [recorded]).followUpReviewAt).toBe('2027-11-20T09:00:00.000Z');
    expect(areaRetentionFacts(undefined, undefined, { ...followUp, confirmedOptionId: undefined }, []).followUpReviewAt).toBeUndefined();
  });

  describe('for any selection and any moment', () => {
    const ids = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6'];
    const instant = (from: string, maxDays: number) => fc.integer({ min: 0, max: maxDays * 24 }).map((hours) => new Date(Date.parse(from) + hours * 3600_000).toISOString());
    const arbitrarySelection = fc
      .record({
        kinds: fc.array(fc.constantFrom('selected', 'reserve', 'not-selected', 'none'), { minLength: ids.length, maxLength: ids.length }),
        withdrawals: fc.array(fc.record({ id: fc.constantFrom(...ids), at: instant(APPROVED_AT, 300) }), { maxLength: 4 }),
        declined: fc.subarray(ids),
        joinedFromReserves: fc.subarray(ids),
        offered: fc.option(fc.constantFrom(...ids), { nil: undefined }),
      })
      .map(({ kinds, withdrawals, declined, joinedFromReserves, offered }): AreaSelection => {
        const kindOf = new Map(ids.map((id, index) => [id, kinds[index]!]));
        const outcomes = Object.fromEntries(ids.filter((id) => kindOf.get(id) !== 'none').map((id) => [id, { kind: kindOf.get(id), reasons: [] } as Outcome]));
        const joined = joinedFromReserves.filter((id) => kindOf.get(id) === 'reserve');
        const left = withdrawals.filter(({ id }) => kindOf.get(id) === 'selected' || joined.includes(id));
        const leftIds = new Set(left.map(({ id }) => id));
        const holding = ids.filter((id) => (kindOf.get(id) === 'selected' || joined.includes(id)) && !leftIds.has(id));
        const reserves = ids.filter((id) => kindOf.get(id) === 'reserve' && !joined.includes(id) && !declined.includes(id) && id !== offered);
        const membership: MembershipChange[] = [
          ...joined.map((id) => ({ applicationId: id, change: 'joined' as const, at: '2027-03-01T09:00:00.000Z' })),
          ...left.map(({ id, at: when }) => ({ applicationId: id, change: 'left' as const, at: when })),
        ];
        return {
          ...selection(),
          outcomes,
          selected: { 'local-authority': holding.filter((id) => id.startsWith('a')), 'voluntary-community': holding.filter((id) => id.startsWith('b')) },
          reserves: { 'local-authority': reserves.filter((id) => id.startsWith('a')), 'voluntary-community': reserves.filter((id) => id.startsWith('b')) },
          offered: offered && kindOf.get(offered) === 'reserve' && !joined.includes(offered) && !declined.includes(offered) ? { 'local-authority': offered } : {},
          withdrawn: [...leftIds],
          declined: declined.filter((id) => kindOf.get(id) === 'reserve' && !joined.includes(id)),
          membership,
        };
      });
    const arbitraryFacts = fc.record({
      selection: arbitrarySelection,
      workshopsEndedAt: fc.option(instant(APPROVED_AT, 200), { nil: undefined }),
      followUpReviewAt: fc.option(instant(APPROVED_AT, 500), { nil: undefined }),
    });

    it('is never due before its anchor plus its period, and always due from then on', () => {
      fc.assert(
        fc.property(arbitraryFacts, fc.constantFrom(...ids), instant(APPROVED_AT, 1500), (facts, id, now) => {
          const retention = applicationRetention(facts, id);
          const due = applicationsDue(facts, [{ applicationId: id, pseudonymised: false }], new Date(now));
          if (!retention) return due.length === 0;
          const rule = retentionRule(retention.record);
          expect(Date.parse(retention.dueAt)).toBe(Date.parse(retention.anchoredAt) + rule.days * DAY);
          expect(Date.parse(retention.anchoredAt)).toBeGreaterThanOrEqual(Date.parse(APPROVED_AT));
          expect(due.length === 1).toBe(Date.parse(now) >= Date.parse(retention.dueAt));
          return true;
        }),
      );
    });

    it('never takes someone holding a place as unsuccessful, nor before their follow-up review plus its period', () => {
      fc.assert(
        fc.property(arbitraryFacts, instant(APPROVED_AT, 1500), (facts, now) => {
          const holding = [...facts.selection.selected['local-authority'], ...facts.selection.selected['voluntary-community']];
          for (const due of applicationsDue(facts, ids.map((applicationId) => ({ applicationId, pseudonymised: false })), new Date(now))) {
            if (!holding.includes(due.applicationId)) continue;
            expect(due.record).toBe('participant-details');
            expect(Date.parse(now)).toBeGreaterThanOrEqual(Date.parse(facts.followUpReviewAt!) + retentionRule('participant-details').days * DAY);
          }
        }),
      );
    });

    it('keeps everyone before the approval counts: a draft selection makes nobody due', () => {
      fc.assert(
        fc.property(arbitraryFacts, instant(APPROVED_AT, 1500), (facts, now) => {
          const draft = { ...facts, selection: { ...facts.selection, status: 'draft' as const } };
          expect(applicationsDue(draft, ids.map((applicationId) => ({ applicationId, pseudonymised: false })), new Date(now))).toEqual([]);
        }),
      );
    });
  });
});
