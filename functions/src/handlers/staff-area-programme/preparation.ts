import { workshopsFromForm } from '@pip/domain';
import { platformPorts } from '../../composition-root';
import { pathParameter } from '../../kit/event';
import { formValues, readForm } from '../../kit/form';
import { recordAreaVisit } from '../../use-cases/delivery/record-area-visit';
import { scheduleWorkshops } from '../../use-cases/delivery/schedule-workshops';
import { actorOf } from '../../kit/staff-auth';
import { backToProgramme, programmeForm } from './programme';

export const recordVisit = programmeForm(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  await recordAreaVisit(platformPorts(), areaId, actorOf(event), readForm(event, { visitedOn: 'text', notes: 'text' }));
  return backToProgramme(areaId, 'visit');
});

export const scheduleTheWorkshops = programmeForm(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  const form = formValues(event);
  // The schedule the person edited: -1 when there was none.
  const expectedSequence = Number(form.sequence ?? '-1');
  await scheduleWorkshops(platformPorts(), areaId, actorOf(event), workshopsFromForm(form), expectedSequence);
  return backToProgramme(areaId, 'workshops');
});
