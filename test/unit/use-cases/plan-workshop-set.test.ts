import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError, workshopsFromForm, type WorkshopSetPlan } from '@pip/domain';
import { planWorkshopSet, shiftLaterWorkshopsOnForm } from '@pip/functions/use-cases/delivery/plan-workshop-set';
import { scheduleWorkshops } from '@pip/functions/use-cases/delivery/schedule-workshops';
import { approvedLeeds, scheduleForm, slot } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Staff' };
const NOW = '2027-03-01T10:00:00.000Z';
const plan = (firstDate: string, facilitators: [string, string] = ['Fay Facilitator', 'Gil Facilitator']): WorkshopSetPlan => ({
  firstDate,
  weeksBetween: 5,
  startTime: '09:30',
  councilVenue: 'Civic Centre',
  voluntarySectorVenue: 'Voluntary Action Centre',
  facilitators,
});

describe('planning the set with the programme’s stores', () => {
  it('fills the schedule form, flags a facilitator with a consultancy slot that day, and saves nothing', async () => {
    // Fay holds a slot in Leeds on Tuesday 20 April 2027, the day of the proposed workshop 2.
    const ports = approvedLeeds(NOW, [slot('fay-1', '2027-04-20T13:00:00.000Z')]);
    const filled = await planWorkshopSet(ports, 'leeds', plan('2027-03-16'));
    expect([1, 2, 3, 4].map((n) => filled.values[`workshop-${n}-date`])).toEqual(['2027-03-16', '2027-04-20', '2027-05-25', '2027-06-29']);
    expect(filled.errors).toEqual([
      { field: 'workshop-2-facilitators', message: 'Workshop 2 is on Tuesday 20 April 2027: Fay Facilitator has a consultancy slot in this area that day. Choose another facilitator or date' },
    ]);
    expect(await ports.workshops.schedule('leeds')).toBeUndefined();
    await expect(planWorkshopSet(ports, 'leeds', plan('2027-03-01'))).rejects.toThrow(ValidationError);
  });

  it('refuses to save a schedule whose facilitator runs another area’s workshop that day, writing nothing', async () => {
    const ports = approvedLeeds(NOW);
    await ports.workshops.saveSchedule({ areaId: 'york', sequence: 0, workshops: workshopsFromForm(scheduleForm('2027-03-16')).workshops }, -1);
    const before = ports.snapshot();
    const refused = scheduleWorkshops(ports, 'leeds', sam, workshopsFromForm(scheduleForm('2027-03-16', { 'workshop-1-facilitators': 'alex  facilitator' })), -1);
    await expect(refused).rejects.toThrow(ValidationError);
    // Bea runs all four of York's workshops on the same days; Alex, however typed, too.
    const errors = await refused.then(
      () => [],
      (error: ValidationError) => error.fieldErrors,
    );
    expect(errors.map((error) => error.field)).toEqual([1, 2, 3, 4].map((n) => `workshop-${n}-facilitators`));
    expect(errors[0]!.message).toBe(
      'Workshop 1 is on Tuesday 16 March 2027: alex  facilitator runs workshop 1 in york that day; Bea Facilitator runs workshop 1 in york that day. Choose another facilitator or date',
    );
    expect(ports.snapshot()).toEqual(before);
  });

  it('does not plan the set again once a workshop has taken place, and never moves one that has', async () => {
    const ports = approvedLeeds(NOW);
    await scheduleWorkshops(ports, 'leeds', sam, workshopsFromForm(scheduleForm('2027-03-16')), -1);
    ports.clock.set('2027-03-21T10:00:00.000Z');
    await expect(planWorkshopSet(ports, 'leeds', plan('2027-04-20'))).rejects.toThrow(ConflictError);
    const moved = await shiftLaterWorkshopsOnForm(ports, 'leeds', { ...scheduleForm('2027-03-16'), 'workshop-1-date': '2027-03-23', sequence: '0' });
    expect(moved.shifted).toBeUndefined();
    expect(moved.values['workshop-2-date']).toBe('2027-04-20');
  });
});
