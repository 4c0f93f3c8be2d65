import { workshopsFromForm } from '@pip/domain';
import { platformPorts } from '../../composition-root';
import { pathParameter } from '../../kit/event';
import { formValues, readForm } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { recordAreaVisit } from '../../use-cases/delivery/record-area-visit';
import { scheduleOrAskFirst, scheduleWorkshops } from '../../use-cases/delivery/schedule-workshops';
import { actorOf, staffView } from '../../kit/staff-auth';
import { isConfirmed } from '../../pages/confirmation-page';
import { scheduleConfirmationPage } from '../../pages/schedule-confirmation-page';
import { backToProgramme, programmeForm } from './programme';

export const recordVisit = programmeForm(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  await recordAreaVisit(platformPorts(), areaId, actorOf(event), readForm(event, { visitedOn: 'text', notes: 'text' }));
  return backToProgramme(areaId, 'visit');
});

/**
 * Saves the schedule. Once invitations have gone out, saving emails the whole group calendar
 * updates, so the first click shows who will be emailed and what changes, and only the
 * confirmation page's post saves and sends.
 */
export const scheduleTheWorkshops = programmeForm(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  const form = formValues(event);
  // The schedule the person edited: -1 when there was none.
  const expectedSequence = Number(form.sequence ?? '-1');
  const proposed = workshopsFromForm(form);
  const ports = platformPorts();
  if (isConfirmed(form)) await scheduleWorkshops(ports, areaId, actorOf(event), proposed, expectedSequence);
  else {
    const decided = await scheduleOrAskFirst(ports, areaId, actorOf(event), proposed, expectedSequence);
    if ('toConfirm' in decided) return htmlResponse(200, scheduleConfirmationPage(staffView(event), { ...decided.toConfirm, answers: form }));
  }
  return backToProgramme(areaId, 'workshops');
});
