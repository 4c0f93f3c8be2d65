import { describe, expect, it } from 'vitest';
import { DAY, type WorkshopSchedule } from '@pip/domain';
import { completeArea } from '@pip/functions/use-cases/area-workflow/complete-area';
import { proposeSelection } from '@pip/functions/use-cases/area-workflow/propose-selection';
import { recordFailure } from '@pip/functions/use-cases/area-workflow/record-failure';
import { sendBriefing } from '@pip/functions/use-cases/area-workflow/send-briefing';
import { recordStageEntered } from '@pip/functions/use-cases/area-workflow/enter-stage';
import { memoryPorts } from '../../support/memory-ports';
import { LEADS, LEEDS, approvedLeeds, area } from './fixtures';

function fourWorkshops(from: string): WorkshopSchedule {
  const start = Date.parse(from);
  return {
    areaId: 'leeds',
    sequence: 0,
    workshops: [0, 1, 2, 3].map((index) => ({
      number: index + 1,
      startsAt: new Date(start + index * 35 * DAY).toISOString(),
      endsAt: new Date(start + index * 35 * DAY + 210 * 60_000).toISOString(),
      venue: { name: `Venue ${index + 1}`, host: index % 2 ? 'voluntary-sector' : 'council' },
      facilitators: ['Alex Facilitator', 'Bea Facilitator'],
    })),
  };
}

describe('a step of the area workflow run twice (a retry, a restart)', () => {
  it('briefs and invites each participant once, and records delivery once', async () => {
    const ports = approvedLeeds('2027-03-01T10:00:00.000Z');
    const schedule = fourWorkshops('2027-03-15T09:30:00.000Z');
    await ports.workshops.saveSchedule(schedule, -1);

    const first = await sendBriefing(ports, { areaId: 'leeds' });
    const emailsAfterFirst = ports.outbox.queued().length;
    const second = await sendBriefing(ports, { areaId: 'leeds' });

    // Per participant: a briefing, four invitations, and two reminders held for each workshop.
    expect(emailsAfterFirst).toBe(LEADS.length * (1 + 4 + 4 * 2));
    expect(ports.outbox.queued()).toHaveLength(emailsAfterFirst);
    // The briefing and the invitations go from the table's stream once stored; the reminders wait for their time.
    expect(ports.outbox.goingOnInsert).toHaveLength(LEADS.length * (1 + 4));
    expect(second).toEqual(first);
    expect(first.deliveryEndsAt).toBe(schedule.workshops[3]!.endsAt);
    expect((await ports.progress.get('leeds'))?.history.map((entry) => entry.stage)).toEqual(['delivery']);
  });

  it('asks staff to approve the selection once, dating the stage from when recruitment closed', async () => {
    const ports = memoryPorts({ now: '2027-02-03T08:00:00.000Z', areas: [LEEDS], applications: LEADS });
    const state = { areaId: 'leeds', recruitmentClosesAt: LEEDS.recruitment.closesAt };
    await proposeSelection(ports, state);
    await proposeSelection(ports, state);
    expect(ports.outbox.goingOnInsert).toEqual(['workflow-leeds-selection']);
    expect((await ports.outbox.get('workflow-leeds-selection'))?.to).toBe('team@pip.example.org');
    expect((await ports.progress.get('leeds'))?.history).toEqual([{ at: LEEDS.recruitment.closesAt, stage: 'selection', what: 'Recruitment closed with 2 applications' }]);
  });

  it('records nothing when a resumed execution passes a stage the area has already left', async () => {
    const ports = memoryPorts({ now: '2027-05-01T10:00:00.000Z', areas: [LEEDS] });
    await recordStageEntered(ports, 'leeds', 'delivery', 'Briefing sent');
    const before = ports.progress.rows.get('leeds');
    await recordStageEntered(ports, 'leeds', 'selection', 'Recruitment closed with 2 applications');
    expect(ports.progress.rows.get('leeds')).toBe(before);
  });
});

describe('completing an area', () => {
  it('asks for the learning event only when the last area of the region is complete, and once', async () => {
    const ports = memoryPorts({ now: '2027-11-01T10:00:00.000Z', areas: [LEEDS, area('bradford', 'Bradford')] });
    await completeArea(ports, { areaId: 'leeds' });
    expect(ports.outbox.goingOnInsert).toEqual([]);
    await completeArea(ports, { areaId: 'bradford' });
    await completeArea(ports, { areaId: 'bradford' });
    expect(ports.outbox.goingOnInsert).toEqual(['workflow-region-yorkshire-and-the-humber-learning-event']);
    expect((await ports.outbox.get('workflow-region-yorkshire-and-the-humber-learning-event'))?.subject).toContain('Every area is complete');
  });
});

describe('a failed step', () => {
  it('records where the area stopped and alerts staff, naming the area even when it cannot be read', async () => {
    const ports = memoryPorts({ now: '2027-04-01T10:00:00.000Z' });
    await ports.progress.save({ areaId: 'gone', stage: 'preparation', history: [] });
    await recordFailure(ports, { areaId: 'gone', failure: { Error: 'Error', Cause: 'The workshops of gone are not scheduled' } });
    expect((await ports.progress.get('gone'))?.failure).toEqual({ at: '2027-04-01T10:00:00.000Z', step: 'preparation', error: 'Error: The workshops of gone are not scheduled' });
    const [alert] = ports.outbox.queued();
    expect(alert?.subject).toBe('The area workflow stopped with an error: gone');
    expect(ports.outbox.goingOnInsert).toEqual(['workflow-gone-failure-2027-04-01T10:00:00.000Z']);
  });
});
