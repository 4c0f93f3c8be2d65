import { describe, expect, it } from 'vitest';
import { DAY, type Area, type WorkshopSchedule } from '@pip/domain';
import { completeArea } from '@pip/functions/use-cases/area-workflow/complete-area';
import { proposeSelection } from '@pip/functions/use-cases/area-workflow/propose-selection';
import { recordFailure } from '@pip/functions/use-cases/area-workflow/record-failure';
import { sendBriefing } from '@pip/functions/use-cases/area-workflow/send-briefing';
import { recordStageEntered } from '@pip/functions/use-cases/area-workflow/enter-stage';
import { AREA, approvedSelection, participant, programmeInMemory } from './programme-fakes';

const people = [participant('leeds', 1), participant('leeds', 2, 'voluntary-community')];

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
    const programme = programmeInMemory({ now: '2027-03-01T10:00:00.000Z', applications: people, selections: [approvedSelection('leeds', people)] });
    const schedule = fourWorkshops('2027-03-15T09:30:00.000Z');
    programme.schedules.set('leeds', schedule);

    const first = await sendBriefing(programme.ports, { areaId: 'leeds' });
    const emailsAfterFirst = programme.queued.size;
    const second = await sendBriefing(programme.ports, { areaId: 'leeds' });

    // Per participant: a briefing, four invitations, and two reminders held for each workshop.
    expect(emailsAfterFirst).toBe(people.length * (1 + 4 + 4 * 2));
    expect(programme.queued.size).toBe(emailsAfterFirst);
    expect(new Set(programme.sent).size).toBe(programme.sent.length);
    expect(programme.sent).toHaveLength(people.length * (1 + 4)); // Reminders wait for their time.
    expect(second).toEqual(first);
    expect(first.deliveryEndsAt).toBe(schedule.workshops[3]!.endsAt);
    expect(programme.progress.get('leeds')?.history.map((entry) => entry.stage)).toEqual(['delivery']);
  });

  it('asks staff to approve the selection once, dating the stage from when recruitment closed', async () => {
    const programme = programmeInMemory({ now: '2027-02-03T08:00:00.000Z', applications: people });
    const state = { areaId: 'leeds', recruitmentClosesAt: AREA.recruitment.closesAt };
    await proposeSelection(programme.ports, state);
    await proposeSelection(programme.ports, state);
    expect(programme.sent).toEqual(['workflow-leeds-selection']);
    expect(programme.queued.get('workflow-leeds-selection')?.to).toBe('team@pip.example.org');
    expect(programme.progress.get('leeds')?.history).toEqual([{ at: AREA.recruitment.closesAt, stage: 'selection', what: 'Recruitment closed with 2 applications' }]);
  });

  it('records nothing when a resumed execution passes a stage the area has already left', async () => {
    const programme = programmeInMemory({ now: '2027-05-01T10:00:00.000Z' });
    await recordStageEntered(programme.ports, 'leeds', 'delivery', 'Briefing sent');
    const before = programme.progress.get('leeds');
    await recordStageEntered(programme.ports, 'leeds', 'selection', 'Recruitment closed with 2 applications');
    expect(programme.progress.get('leeds')).toBe(before);
  });
});

describe('completing an area', () => {
  const bradford: Area = { ...AREA, areaId: 'bradford', name: 'Bradford' };

  it('asks for the learning event only when the last area of the region is complete, and once', async () => {
    const programme = programmeInMemory({ now: '2027-11-01T10:00:00.000Z', areas: [AREA, bradford] });
    await completeArea(programme.ports, { areaId: 'leeds' });
    expect(programme.sent).toEqual([]);
    await completeArea(programme.ports, { areaId: 'bradford' });
    await completeArea(programme.ports, { areaId: 'bradford' });
    expect(programme.sent).toEqual(['workflow-region-yorkshire-and-the-humber-learning-event']);
    expect(programme.queued.get('workflow-region-yorkshire-and-the-humber-learning-event')?.subject).toContain('Every area is complete');
  });
});

describe('a failed step', () => {
  it('records where the area stopped and alerts staff, naming the area even when it cannot be read', async () => {
    const programme = programmeInMemory({ now: '2027-04-01T10:00:00.000Z', areas: [] });
    programme.progress.set('gone', { areaId: 'gone', stage: 'preparation', history: [] });
    await recordFailure(programme.ports, { areaId: 'gone', failure: { Error: 'Error', Cause: 'The workshops of gone are not scheduled' } });
    expect(programme.progress.get('gone')?.failure).toEqual({ at: '2027-04-01T10:00:00.000Z', step: 'preparation', error: 'Error: The workshops of gone are not scheduled' });
    const [alert] = [...programme.queued.values()];
    expect(alert?.subject).toBe('The area workflow stopped with an error: gone');
    expect(programme.sent).toEqual(['workflow-gone-failure-2027-04-01T10:00:00.000Z']);
  });
});
