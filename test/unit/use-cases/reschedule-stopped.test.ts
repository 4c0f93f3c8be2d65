import { describe, expect, it } from 'vitest';
import { workshopsFromForm } from '@pip/domain';
import { scheduleWorkshops } from '@pip/functions/use-cases/delivery/schedule-workshops';
import { stoppedOrDone, stoppingAfterDecision } from '../../support/stopping-ports';
import { LEADS, approvedLeeds, scheduleForm } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Staff' };
const schedule = (firstDate: string) => workshopsFromForm(scheduleForm(firstDate));

describe('workshops moved by a request that stops once the schedule is stored', () => {
  it('still move every calendar and every reminder: nobody is reminded of a date that is no longer the workshop’s', async () => {
    const ports = approvedLeeds('2027-03-01T10:00:00.000Z');
    await ports.progress.save({ areaId: 'leeds', stage: 'delivery', history: [] });
    await scheduleWorkshops(ports, 'leeds', sam, schedule('2027-04-06'), -1);
    const [member] = LEADS;
    const remindersOf = () => ports.outbox.waiting().filter((email) => email.to === member.answers.email && email.subject.startsWith('Reminder'));
    expect(remindersOf()).toHaveLength(8);

    // Moved two weeks earlier; the request stops right after the schedule is stored.
    await stoppedOrDone(scheduleWorkshops(stoppingAfterDecision(ports) as never, 'leeds', sam, schedule('2027-03-23'), 0));

    const moved = (await ports.workshops.schedule('leeds'))!;
    expect(moved.sequence).toBe(1);
    const starts = new Set(moved.workshops.map((workshop) => workshop.startsAt));
    // Every reminder still to go names a workshop as it now stands and is not sent once it has begun.
    expect(remindersOf().map((email) => email.notAfter).filter((notAfter) => !starts.has(notAfter!))).toEqual([]);
    expect(remindersOf()).toHaveLength(8);
    // And the calendar the person holds is the new one.
    const calendar = await ports.calendars.get('leeds', member.applicationId);
    expect(Object.values(calendar!.entries).map((entry) => entry.startsAt).sort()).toEqual([...starts].sort());
  });
});
