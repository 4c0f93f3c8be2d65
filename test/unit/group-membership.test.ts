import { describe, expect, it } from 'vitest';
import { groupAtWorkshop, groupOn, type Application, type AreaSelection, type MembershipChange, type Workshop } from '@pip/domain';

const approved = (membership: MembershipChange[] = []): AreaSelection => ({
  areaId: 'cumbria',
  version: 3,
  status: 'approved',
  selected: { 'local-authority': ['mark', 'susan'], 'voluntary-community': ['joanne'] },
  leads: {},
  updatedBy: { name: 'Sam Rivers' },
  updatedAt: '2027-01-01T10:00:00.000Z',
  outcomes: {
    mark: { kind: 'selected', reasons: [] },
    susan: { kind: 'selected', reasons: [] },
    joanne: { kind: 'selected', reasons: [] },
    claire: { kind: 'reserve', rank: 1, reasons: [] },
  },
  membership,
});

const workshopOn = (startsAt: string): Workshop => ({
  number: 1,
  startsAt,
  endsAt: startsAt,
  venue: { name: 'Civic Centre', host: 'council' },
  facilitators: ['Alex', 'Bea'],
});

const person = (applicationId: string): Application =>
  ({ applicationId, areaId: 'cumbria', answers: { fullName: applicationId }, submittedAt: '', updatedAt: '', version: 1 }) as unknown as Application;

describe('who was in the group', () => {
  const markLeftClaireJoined = approved([
    { applicationId: 'mark', change: 'left', at: '2027-02-10T12:00:00.000Z' },
    { applicationId: 'claire', change: 'joined', at: '2027-02-12T09:00:00.000Z' },
  ]);

  it('is those selected at approval, with each withdrawal and accepted place from its date on', () => {
    expect([...groupOn(markLeftClaireJoined, '2027-02-03T09:30:00.000Z')].sort()).toEqual(['joanne', 'mark', 'susan']);
    expect([...groupOn(markLeftClaireJoined, '2027-02-11T09:30:00.000Z')].sort()).toEqual(['joanne', 'susan']);
    expect([...groupOn(markLeftClaireJoined, '2027-03-03T09:30:00.000Z')].sort()).toEqual(['claire', 'joanne', 'susan']);
  });

  it('at a workshop is what its attendance recorded, whatever changed after', () => {
    const workshop = workshopOn('2027-02-03T09:30:00.000Z');
    const people = ['mark', 'susan', 'joanne', 'claire'].map(person);
    expect(groupAtWorkshop(workshop, markLeftClaireJoined, undefined, people).map((member) => member.applicationId)).toEqual(['mark', 'susan', 'joanne']);
    const recorded = { workshop: 1, members: ['mark', 'susan'], present: ['mark'], recordedBy: 'Sam Rivers', recordedAt: '2027-02-03T13:00:00.000Z' };
    expect(groupAtWorkshop(workshop, markLeftClaireJoined, recorded, people).map((member) => member.applicationId)).toEqual(['mark', 'susan']);
  });

  it('never changes for an earlier instant when later changes are added, over many random histories', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const ids = ['mark', 'susan', 'joanne', 'claire', 'peter'];
    for (let run = 0; run < 200; run += 1) {
      const changes: MembershipChange[] = [];
      for (let n = 0; n < 1 + Math.floor(random() * 6); n += 1) {
        const at = new Date(Date.UTC(2027, 1, 1) + Math.floor(random() * 90) * 86_400_000).toISOString();
        changes.push({ applicationId: ids[Math.floor(random() * ids.length)]!, change: random() < 0.5 ? 'left' : 'joined', at });
      }
      const ordered = [...changes].sort((a, b) => a.at.localeCompare(b.at));
      for (const change of ordered) {
        const before = groupOn(approved(ordered.filter((earlier) => earlier.at <= change.at)), change.at);
        // Whatever happens afterwards, the group at that instant is the same.
        expect(groupOn(approved(ordered), change.at)).toEqual(before);
      }
    }
  });
});
