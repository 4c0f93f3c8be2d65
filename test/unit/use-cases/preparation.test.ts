import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError, workshopsFromForm, type ProposedSchedule } from '@pip/domain';
import { recordAreaVisit } from '@pip/functions/use-cases/delivery/record-area-visit';
import { scheduleWorkshops } from '@pip/functions/use-cases/delivery/schedule-workshops';
import { workflowArrivesAfterFirstRead } from './workflow-arrives';
import { LEADS, approvedLeeds, scheduleForm } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Staff' };
const NOW = '2027-03-01T10:00:00.000Z';

function refusalOf(read: () => unknown): ValidationError | undefined {
  try {
    read();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  return undefined;
}

const proposed = (firstDate: string, overrides?: Record<string, string>): ProposedSchedule => workshopsFromForm(scheduleForm(firstDate, overrides));

/** Leeds after its selection was approved: the workflow waits for the visit and the workshops. */
async function preparingArea(stage: 'preparation' | 'delivery' = 'preparation') {
  const ports = approvedLeeds(NOW);
  await ports.progress.save({ areaId: 'leeds', stage, history: [] });
  await ports.staffSteps.hold('leeds', 'preparation', 'token-preparation', NOW);
  return ports;
}

describe('preparing an area', () => {
  it('is done only once the visit is recorded and the workshops scheduled, whichever comes first', async () => {
    const ports = await preparingArea();
    await recordAreaVisit(ports, 'leeds', sam, { visitedOn: '2027-03-01', notes: '  Met the chief executive  ' });
    expect(ports.workflow.continued).toEqual([]);
    expect(await ports.visits.get('leeds')).toEqual({ visitedOn: '2027-03-01', notes: 'Met the chief executive', recordedBy: 'Sam Staff' });

    await scheduleWorkshops(ports, 'leeds', sam, proposed('2027-03-15'), -1);
    expect(ports.workflow.continued).toEqual(['token-preparation']);
    // Before delivery the invitations are the briefing step's to send, not the schedule's.
    expect(ports.outbox.queued()).toHaveLength(0);

    // Moving the workshops later does not answer the workflow again.
    await scheduleWorkshops(ports, 'leeds', sam, proposed('2027-03-23'), 0);
    expect(ports.workflow.continued).toEqual(['token-preparation']);
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['Area visit recorded', 'Workshops scheduled', 'Workshops rescheduled']);
  });

  it('is done when the visit is recorded while the schedule is being saved: neither waits on the other', async () => {
    const ports = await preparingArea();
    const readVisit = ports.visits.get.bind(ports.visits);
    let visitRecorded = false;
    // The visit is recorded just after the schedule's decision read it as not recorded: it finds no schedule yet.
    const racing = {
      ...ports,
      visits: Object.assign(Object.create(ports.visits), {
        get: async (areaId: string) => {
          const visit = await readVisit(areaId);
          if (!visitRecorded) {
            visitRecorded = true;
            await recordAreaVisit(ports, 'leeds', { name: 'Kim Staff' }, { visitedOn: '2027-03-01', notes: '' });
            expect(ports.workflow.continued).toEqual([]);
          }
          return visit;
        },
      }),
    };

    await scheduleWorkshops(racing, 'leeds', sam, proposed('2027-03-15'), -1);

    expect(await ports.staffSteps.isDone('leeds', 'preparation')).toBe(true);
    expect(ports.workflow.continued).toEqual(['token-preparation']);
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['Area visit recorded', 'Workshops scheduled']);
  });

  it('is done once, answering the workflow once, when the workflow begins waiting as the schedule is saved', async () => {
    const ports = approvedLeeds(NOW);
    await ports.progress.save({ areaId: 'leeds', stage: 'preparation', history: [] });
    await recordAreaVisit(ports, 'leeds', sam, { visitedOn: '2027-03-01', notes: '' });
    workflowArrivesAfterFirstRead(ports, 'leeds', 'preparation', 'token-arrived');

    await scheduleWorkshops(ports, 'leeds', sam, proposed('2027-03-15'), -1);

    expect(await ports.staffSteps.isDone('leeds', 'preparation')).toBe(true);
    expect(ports.workflow.continued).toEqual(['token-arrived']);
  });

  it('refuses a schedule someone else changed meanwhile, and writes and sends nothing', async () => {
    const ports = await preparingArea();
    await scheduleWorkshops(ports, 'leeds', sam, proposed('2027-03-15'), -1);
    const before = ports.snapshot();
    const stale = scheduleWorkshops(ports, 'leeds', { name: 'Kim Staff' }, proposed('2027-03-23'), -1);
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toMatchObject({ field: 'workshops' });
    expect(ports.snapshot()).toEqual(before);
    expect((await ports.workshops.schedule('leeds'))?.workshops[0]?.startsAt).toBe('2027-03-15T09:30:00.000Z');
  });

  it('sends calendar updates once invitations have gone out, for the workshop that moved only, withdrawing its old reminders', async () => {
    const ports = await preparingArea('delivery');
    await scheduleWorkshops(ports, 'leeds', sam, proposed('2027-03-15'), -1);
    // Held for their time; the invitations wait only for the table's stream.
    const heldReminders = ports.outbox.waiting().flatMap((email) => (email.sendAfter ? [email.messageId] : []));
    expect(heldReminders).toHaveLength(LEADS.length * 4 * 2);

    await scheduleWorkshops(ports, 'leeds', sam, proposed('2027-03-15', { 'workshop-2-date': '2027-04-26' }), 0);
    const ofWorkshopTwo = heldReminders.filter((messageId) => messageId.startsWith('workshop-reminder-leeds-2-'));
    expect(ofWorkshopTwo).toHaveLength(LEADS.length * 2);
    expect([...ports.outbox.cancelled].sort()).toEqual(ofWorkshopTwo.sort());
    expect(ports.outbox.subjects().filter((subject) => subject.startsWith('Updated invitation: workshop'))).toEqual(
      LEADS.map(() => 'Updated invitation: workshop 2, Partnership Improvement Programme, Leeds'),
    );
    expect(ports.outbox.waiting().filter((email) => email.messageId.startsWith('workshop-reminder-leeds-2-'))).toHaveLength(LEADS.length * 2);
  });

  it('reads every mistake in the schedule form at once, by field', () => {
    const refusal = refusalOf(() => workshopsFromForm(scheduleForm('2027-03-15', { 'workshop-2-minutes': '20', 'workshop-3-host': 'town-hall', 'workshop-4-time': '9.30' })));
    expect(refusal?.fieldErrors.map((fieldError) => fieldError.field)).toEqual(['workshop-2-minutes', 'workshop-3-host', 'workshop-4-time']);
  });

  it('keeps an interval override only when an interval breaks the rule', () => {
    expect(proposed('2027-03-15', { intervalOverride: 'Not needed' }).intervalOverride).toBeUndefined();
    const kept = proposed('2027-03-15', { 'workshop-2-date': '2027-03-29', intervalOverride: 'The hall is only free then' });
    expect(kept.intervalOverride).toBe('The hall is only free then');
    expect(kept.intervalBreaches).toHaveLength(2);
  });
});
