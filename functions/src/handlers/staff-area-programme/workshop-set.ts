import { workshopSetPlanFromForm } from '@pip/domain';
import { platformPorts } from '../../composition-root';
import { pathParameter } from '../../kit/event';
import { formValues } from '../../kit/form';
import { planWorkshopSet, shiftLaterWorkshopsOnForm } from '../../use-cases/delivery/plan-workshop-set';
import { programmeForm, showProgramme } from './programme';

/** Only the plan's own fields are kept from its form: the schedule form is filled from the proposal. */
const planFields = (form: Record<string, string>) => Object.fromEntries(Object.entries(form).filter(([name]) => name.startsWith('plan-')));

/**
 * "Plan the four workshops": the schedule form comes back filled with the proposed set, with why
 * any date moved and any facilitator booked elsewhere; nothing is saved until staff save the schedule.
 */
export const planTheWorkshops = programmeForm(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  const form = formValues(event);
  const filled = await planWorkshopSet(platformPorts(), areaId, workshopSetPlanFromForm(form));
  return showProgramme(event, 200, {
    values: { ...planFields(form), ...filled.values },
    errors: filled.errors,
    notice: 'The four workshops are proposed below. Check them, change anything you need to, then save the schedule.',
    scheduleNotes: filled.notes,
    context: filled.context,
  });
});

/** "Move workshops 3 and 4 by 7 days too", from the schedule form after one workshop moved: the form again with them moved, nothing saved. */
export const shiftTheLaterWorkshops = programmeForm(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  const filled = await shiftLaterWorkshopsOnForm(platformPorts(), areaId, formValues(event));
  return showProgramme(event, 200, {
    values: filled.values,
    errors: filled.errors,
    notice: filled.shifted ? `${filled.shifted} Check the dates below, then save the schedule.` : undefined,
    scheduleNotes: filled.notes,
    context: filled.context,
  });
});
