import { describe, expect, it } from 'vitest';
import {
  answerOffer,
  approvedSelection,
  draftSelection,
  groupOn,
  matchesPerson,
  participationRecord,
  personSearchTerm,
  proposeSelection,
  rosterOf,
  rosterSectionOf,
  rosterStatus,
  rosterStatusInWords,
  sectors,
  toCandidate,
  withdrawParticipant,
  type Application,
  type AreaRecords,
  type AreaSelection,
  type Review,
  type Sector,
  type Workshop,
  ValidationError,
} from '@pip/domain';
import { applicant } from './use-cases/fixtures';

/*
 * The roster of an area: every applicant once, with the place the selection and its dated history
 * give them. Nine applicants per sector, scored so that six are selected and three are reserves.
 */
const AREA = 'rostertown';
const people: Application[] = sectors.flatMap((sector) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => applicant(AREA, sector, n)));
const reviews: Review[] = people.map((application, index) => {
  const score = 5 - Math.floor((index % 9) / 2) * 0.5;
  const scores = { roleFit: score, partnershipExperience: score, commitment: score };
  return { areaId: AREA, applicationId: application.applicationId, staffId: 'sam', staffName: 'Sam Rivers', reviewedAt: '2027-02-02T09:00:00.000Z', ...scores };
});
const candidates = people.map((application) => toCandidate(application, reviews));
const idOf = (sector: Sector, n: number) => applicant(AREA, sector, n).applicationId;
const LA = (n: number) => idOf('local-authority', n);
const VC = (n: number) => idOf('voluntary-community', n);

function approved(): AreaSelection {
  const proposal = proposeSelection(candidates);
  const draft = { selected: proposal.selected, leads: { 'local-authority': LA(1), 'voluntary-community': VC(1) } };
  return approvedSelection(AREA, draft, candidates, { name: 'Sam Rivers' }, 1, '2027-02-10T10:00:00.000Z');
}

const statusOf = (selection: AreaSelection | undefined, id: string) => rosterStatusInWords(rosterStatus(selection, id));

describe('the roster of an area', () => {
  it('says everyone is awaiting selection until the selection is approved', () => {
    const edited = { selected: { 'local-authority': [LA(1)], 'voluntary-community': [] }, leads: {} };
    const draft = draftSelection(AREA, edited, { name: 'Sam Rivers' }, 0, '2027-02-09T10:00:00.000Z');
    for (const selection of [undefined, draft]) {
      expect(rosterOf(people, selection).map((place) => rosterStatusInWords(place.status))).toEqual(people.map(() => 'Awaiting selection'));
    }
  });

  it('names the leads, the selected, the reserves by rank and those not selected', () => {
    const selection = approved();
    expect(statusOf(selection, LA(1))).toBe('Lead participant');
    expect(statusOf(selection, LA(2))).toBe('Selected');
    expect(statusOf(selection, LA(7))).toBe('Reserve 1, next in line');
    expect(statusOf(selection, LA(8))).toBe('Reserve 2');
    expect(statusOf(selection, LA(9))).toBe('Reserve 3');
    const outsider = applicant(AREA, 'local-authority', 10).applicationId;
    expect(statusOf(selection, outsider)).toBe('Not selected');
  });

  it('dates a withdrawal and a reserve joining, marks the reserve offered and the one who declined', () => {
    let selection = approved();
    const withdrawal = withdrawParticipant(selection, LA(3), '2027-03-20T12:00:00.000Z')!;
    selection = withdrawal.selection;
    expect(withdrawal.offeredTo).toBe(LA(7));
    expect(statusOf(selection, LA(3))).toBe('Withdrew on 20 March 2027');
    expect(statusOf(selection, LA(7))).toBe('Reserve 1, offered a place');
    selection = answerOffer(selection, LA(7), false, '2027-03-22T09:00:00.000Z')!.selection;
    expect(statusOf(selection, LA(7))).toBe('Declined a place offered from the reserves');
    expect(statusOf(selection, LA(8))).toBe('Reserve 2, offered a place');
    selection = answerOffer(selection, LA(8), true, '2027-03-25T09:00:00.000Z')!.selection;
    expect(statusOf(selection, LA(8))).toBe('Joined from the reserves on 25 March 2027');
    expect(statusOf(selection, LA(9))).toBe('Reserve 3, next in line');
    const lead = withdrawParticipant(selection, LA(1), '2027-04-01T09:00:00.000Z')!.selection;
    const named = { ...lead, leads: { ...lead.leads, 'local-authority': LA(8) } };
    expect(statusOf(named, LA(8))).toBe('Lead participant (joined from the reserves on 25 March 2027)');
  });

  it('lists leads first, then the group, reserves in rank order, those who withdrew and those not selected', () => {
    let selection = withdrawParticipant(approved(), VC(2), '2027-03-20T12:00:00.000Z')!.selection;
    selection = answerOffer(selection, VC(7), true, '2027-03-21T12:00:00.000Z')!.selection;
    const sections = rosterOf(people, selection).map((place) => `${rosterSectionOf(place.status)} ${place.application.applicationId}`);
    expect(sections.slice(0, 2)).toEqual([`group ${LA(1)}`, `group ${LA(2)}`]);
    expect(sections.indexOf(`group ${VC(1)}`)).toBe(6);
    expect(sections.filter((entry) => entry.startsWith('reserves'))).toEqual([LA(7), LA(8), LA(9), VC(8), VC(9)].map((id) => `reserves ${id}`));
    expect(sections.at(-1)).toBe(`withdrawn ${VC(2)}`);
  });

  it('holds every applicant exactly once, and the group it shows is the group of now, over many random histories', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let run = 0; run < 200; run += 1) {
      let selection = approved();
      let day = 0;
      for (let step = 0; step < 12; step += 1) {
        const at = new Date(Date.UTC(2027, 2, 1) + (day += 1) * 86_400_000).toISOString();
        const sector = sectors[Math.floor(random() * 2)]!;
        const offered = selection.offered?.[sector];
        if (offered && random() < 0.8) selection = answerOffer(selection, offered, random() < 0.6, at)!.selection;
        else {
          const members = selection.selected[sector];
          if (members.length > 0) selection = withdrawParticipant(selection, members[Math.floor(random() * members.length)]!, at)!.selection;
        }
      }
      const roster = rosterOf(people, selection);
      expect(roster.map((place) => place.application.applicationId).sort()).toEqual(people.map((person) => person.applicationId).sort());
      const inGroup = roster.filter((place) => rosterSectionOf(place.status) === 'group').map((place) => place.application.applicationId);
      expect(new Set(inGroup)).toEqual(groupOn(selection, '2028-01-01T00:00:00.000Z'));
      for (const sector of sectors) expect(inGroup.filter((id) => id.includes(sector === 'local-authority' ? '-LA' : '-VC')).length).toBeLessThanOrEqual(6);
    }
  });
});

describe('what a person has done in the programme', () => {
  const workshop = (number: number, startsAt: string): Workshop => ({
    number,
    startsAt,
    endsAt: startsAt,
    venue: { name: 'Civic Centre', host: 'council' },
    facilitators: ['Alex', 'Bea'],
  });
  let selection = withdrawParticipant(approved(), LA(3), '2027-03-20T12:00:00.000Z')!.selection;
  selection = answerOffer(selection, LA(7), true, '2027-03-22T09:00:00.000Z')!.selection;
  const records: AreaRecords = {
    selection,
    schedule: {
      areaId: AREA,
      sequence: 0,
      workshops: ['2027-03-10', '2027-04-14', '2027-05-19', '2027-06-23'].map((day, index) => workshop(index + 1, `${day}T09:30:00.000Z`)),
    },
    attendance: {
      1: {
        workshop: 1,
        members: [...selection.selected['local-authority'].filter((id) => id !== LA(7)), LA(3)],
        present: [LA(3)],
        recordedBy: 'Sam',
        recordedAt: '2027-03-10T13:00:00.000Z',
      },
    },
    slots: [],
    sessions: {},
    followUp: undefined,
    followUpAnswers: [],
    survey: undefined,
    evaluated: new Set(),
    now: new Date('2027-04-20T09:00:00.000Z'),
  };
  const record = (id: string) => participationRecord(records, id, rosterStatus(selection, id));

  it('keeps the group of each workshop as it was: the reserve who joined later was not in it, the one who left attended it', () => {
    expect(record(LA(3)).workshops).toEqual(['attended', 'not-in-group', 'not-yet-held', 'not-yet-held']);
    expect(record(LA(2)).workshops).toEqual(['absent', 'not-recorded', 'not-yet-held', 'not-yet-held']);
    expect(record(LA(7)).workshops).toEqual(['not-in-group', 'not-recorded', 'not-yet-held', 'not-yet-held']);
  });

  it('gives the consultancy sessions to the leads only, and says who was asked the follow-up review and the evaluation', () => {
    expect(record(LA(1)).consultancy).toBe('Session 1 not booked yet; Session 2 not booked yet');
    expect(record(LA(2)).consultancy).toBe('Not a lead');
    const later: AreaRecords = {
      ...records,
      survey: { areaId: AREA, openedAt: '2027-06-24T09:00:00.000Z', invited: 12 },
      evaluated: new Set([LA(2)]),
      followUp: { areaId: AREA, options: [], venue: 'Civic Centre', proposedBy: 'Sam', confirmedOptionId: 'a' },
      followUpAnswers: [{ applicationId: LA(2), answeredDates: true, available: ['a'], attending: true }],
    };
    const laterRecord = (id: string) => participationRecord(later, id, rosterStatus(selection, id));
    expect([laterRecord(LA(2)).evaluation, laterRecord(LA(4)).evaluation, laterRecord(LA(3)).evaluation]).toEqual(['Answered', 'Not answered', 'Not asked']);
    expect([laterRecord(LA(2)).followUp, laterRecord(LA(4)).followUp, laterRecord(LA(3)).followUp]).toEqual(['Coming', 'Not answered', 'Not asked']);
  });
});

describe('finding a person', () => {
  it('matches part of a name or email address whatever the case, and asks for at least two characters', () => {
    const person = applicant(AREA, 'local-authority', 4);
    expect(matchesPerson(person, personSearchTerm('  la PERSON 4 '))).toBe(true);
    expect(matchesPerson(person, personSearchTerm('LA4@ROSTER'))).toBe(true);
    expect(matchesPerson(person, personSearchTerm('la person 5'))).toBe(false);
    for (const typed of ['', ' x ']) {
      expect(() => personSearchTerm(typed)).toThrow(ValidationError);
    }
    let refusal: ValidationError | undefined;
    try {
      personSearchTerm('x');
    } catch (error) {
      refusal = error as ValidationError;
    }
    expect(refusal?.fieldErrors).toEqual([{ field: 'q', message: 'Enter at least 2 characters of a name or email address' }]);
    expect(personSearchTerm(`${'a'.repeat(240)}@example.org`)).toHaveLength(252);
  });
});
