import { platformPorts } from '../../composition-root';
import { pathParameter } from '../../kit/event';
import { formList, readForm } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { completeProgrammeStep } from '../../use-cases/delivery/complete-programme-step';
import { recordAttendance } from '../../use-cases/delivery/record-attendance';
import { resumeAreaWorkflow } from '../../use-cases/delivery/resume-area-workflow';
import { actorOf } from '../../kit/staff-auth';
import { backToProgramme, programmeForm } from './programme';

export const recordWorkshopAttendance = programmeForm(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  await recordAttendance(platformPorts(), areaId, actorOf(event), { ...readForm(event, { workshop: 'text' }), present: formList(event, 'present') });
  return backToProgramme(areaId, 'attendance');
});

export const completeStep = programmeForm(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  await completeProgrammeStep(platformPorts(), areaId, actorOf(event), readForm(event, { step: 'text', objectives: 'text' }));
  return backToProgramme(areaId, 'step');
});

export const resumeWorkflow: RouteHandler = async (event) => {
  const areaId = pathParameter(event, 'areaId');
  const outcome = await resumeAreaWorkflow(platformPorts(), areaId, actorOf(event));
  return backToProgramme(areaId, outcome === 'resumed' ? 'resumed' : 'nothing-to-resume');
};
