import { beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, WithdrawalNotUndoableError, approvedSelection, throughTheirLink, type WorkshopSchedule } from '@pip/domain';
import { reconcileWorkshopCalendars } from '@pip/functions/use-cases/delivery/workshop-invitations';
import { recordWithdrawal } from '@pip/functions/use-cases/selection/record-withdrawal';
import { selectionContext } from '@pip/functions/use-cases/selection/selection-context';
import { undoStaffWithdrawal } from '@pip/functions/use-cases/selection/undo-withdrawal';
import type { MemoryPorts } from '../../support/memory-ports';
import { APPLICANTS, LEADS, LEEDS, approvedLeeds, reviewedLeeds } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Rivers' };
const priya = { staffId: 'priya', name: 'Priya Shah' };
const areaId = LEEDS.areaId;
const byName = (fullName: string) => APPLICANTS.find((application) => application.answers.fullName === fullName)!;

let ports: MemoryPorts;
const stored = () => ports.selections.byArea.get(areaId)!;
const subjectsTo = (fullName: string) => ports.outbox.to(byName(fullName).answers.email).map((email) => email.subject);
const later = (milliseconds: number) => ports.clock.set(new Date(ports.clock.now().getTime() + milliseconds).toISOString());

describe('staff undoing a withdrawal they recorded by mistake', () => {
  beforeEach(async () => {
    ports = reviewedLeeds();
    const { proposal, candidates } = await selectionContext(ports, areaId);
    const leads = { 'local-authority': proposal.selected['local-authority'][0], 'voluntary-community': proposal.selected['voluntary-community'][0] };
    ports.selections.byArea.write(areaId, approvedSelection(areaId, { selected: proposal.selected, leads }, candidates, sam, 0, '2027-02-09T09:00:00.000Z'));
  });

  it('puts them back, tells them and the reserve offered the place, and logs who undid it', async () => {
    const person = byName('LA Person 3');
    await recordWithdrawal(ports, areaId, person.applicationId, sam);
    later(2 * HOUR);
    await undoStaffWithdrawal(ports, areaId, person.applicationId, priya);

    expect(stored().selected['local-authority']).toContain(person.applicationId);
    expect(stored().reserves?.['local-authority']).toEqual([byName('LA Person 7').applicationId]);
    expect(stored().offered?.['local-authority']).toBeUndefined();
    expect(subjectsTo('LA Person 3')).toEqual([expect.stringMatching(/^You have withdrawn/u), expect.stringMatching(/^You are still taking part/u)]);
    expect(subjectsTo('LA Person 7')).toEqual([expect.stringMatching(/^A place is available/u), expect.stringMatching(/^The place is no longer available/u)]);
    expect(ports.audit.entries.at(-1)).toMatchObject({
      action: 'Withdrawal undone',
      actor: priya,
      summary: 'Withdrawal of LA Person 3 undone by Priya Shah: they are taking part again. The place offered to LA Person 7 is withdrawn; they are first on the reserve list again.',
    });

    // A double click finds it done.
    const before = ports.snapshot();
    await undoStaffWithdrawal(ports, areaId, person.applicationId, priya);
    expect(ports.snapshot()).toEqual(before);

    // Withdrawing again later is a new withdrawal: confirmed again, and the place offered again.
    later(DAY);
    await recordWithdrawal(ports, areaId, person.applicationId, sam);
    expect(subjectsTo('LA Person 3').filter((subject) => subject.startsWith('You have withdrawn'))).toHaveLength(2);
    expect(subjectsTo('LA Person 7').filter((subject) => subject.startsWith('A place is available'))).toHaveLength(2);
  });

  it('refuses after a day, and for a withdrawal made through the person own link, writing and sending nothing', async () => {
    await recordWithdrawal(ports, areaId, byName('VC Person 2').applicationId, sam);
    await recordWithdrawal(ports, areaId, byName('VC Person 3').applicationId, throughTheirLink('VC Person 3'));
    later(DAY + 1000);
    const before = ports.snapshot();
    await expect(undoStaffWithdrawal(ports, areaId, byName('VC Person 2').applicationId, priya)).rejects.toThrow(/more than a day ago/u);
    await expect(undoStaffWithdrawal(ports, areaId, byName('VC Person 3').applicationId, priya)).rejects.toBeInstanceOf(WithdrawalNotUndoableError);
    expect(ports.snapshot()).toEqual(before);
  });
});

describe('undoing a withdrawal once workshop invitations have gone out', () => {
  const schedule: WorkshopSchedule = {
    areaId,
    sequence: 0,
    workshops: [0, 1, 2, 3].map((index) => ({
      number: index + 1,
      startsAt: new Date(Date.parse('2027-03-15T09:30:00.000Z') + index * 35 * DAY).toISOString(),
      endsAt: new Date(Date.parse('2027-03-15T13:00:00.000Z') + index * 35 * DAY).toISOString(),
      venue: { name: `Venue ${index + 1}`, host: index % 2 ? 'voluntary-sector' : 'council' },
      facilitators: ['Alex Facilitator', 'Bea Facilitator'],
    })),
  };

  it('invites them again to the workshops still to come, with reminders, and a second withdrawal cancels those again', async () => {
    // After workshop 1.
    ports = approvedLeeds('2027-03-20T10:00:00.000Z');
    await ports.workshops.saveSchedule(schedule, -1);
    await ports.progress.save({ areaId, stage: 'delivery', history: [] });
    // The invitations the briefing step sent: workshops 2 to 4, the first having taken place.
    await reconcileWorkshopCalendars(ports, areaId);
    const person = LEADS[0];
    const emailsOf = () => ports.outbox.emails.filter((email) => email.to === person.answers.email);
    expect(emailsOf().filter((email) => email.subject.startsWith('Invitation'))).toHaveLength(3);

    await recordWithdrawal(ports, areaId, person.applicationId, sam);
    expect(emailsOf().filter((email) => email.subject.startsWith('Cancelled for you'))).toHaveLength(3);
    later(HOUR);
    await undoStaffWithdrawal(ports, areaId, person.applicationId, priya);

    const invitations = emailsOf().filter((email) => email.subject.startsWith('Invitation') && email.calendar?.ics.includes('SEQUENCE:2'));
    expect(invitations.map((email) => email.subject.slice(0, 'Invitation: workshop 2'.length))).toEqual([
      'Invitation: workshop 2',
      'Invitation: workshop 3',
      'Invitation: workshop 4',
    ]);
    // Above the cancellation their calendar was sent (SEQUENCE:1), so calendars take them.
    expect(emailsOf().filter((email) => email.subject.startsWith('Cancelled for you')).every((email) => email.calendar?.ics.includes('SEQUENCE:1'))).toBe(true);
    const pendingReminders = () => emailsOf().filter((email) => email.subject.startsWith('Reminder') && email.status === 'pending');
    expect(pendingReminders()).toHaveLength(6);

    later(HOUR);
    await recordWithdrawal(ports, areaId, person.applicationId, sam);
    expect(emailsOf().filter((email) => email.subject.startsWith('Cancelled for you'))).toHaveLength(6);
    expect(pendingReminders()).toHaveLength(0);
  });
});
