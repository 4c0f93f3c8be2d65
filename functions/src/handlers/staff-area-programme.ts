import { pageHandler } from './shared/page-handler';
import { scheduleTheLearningEvent, viewLearningEvent } from './staff-area-programme/learning-event';
import { recordVisit, scheduleTheWorkshops } from './staff-area-programme/preparation';
import { viewProgramme } from './staff-area-programme/programme';
import { changeTheRecruitmentWindow, viewRecruitmentWindow } from './staff-area-programme/recruitment-window';
import { completeStep, recordWorkshopAttendance, resumeWorkflow } from './staff-area-programme/workflow-steps';
import { planTheWorkshops, shiftTheLaterWorkshops } from './staff-area-programme/workshop-set';

/** An area's recruitment window, its programme after selection (visit, workshops, attendance, the steps staff record) and its region's learning event. */
export const handler = pageHandler('staff-area-programme', {
  'GET /staff/areas/{areaId}/programme': viewProgramme,
  'POST /staff/areas/{areaId}/programme/visit': recordVisit,
  'POST /staff/areas/{areaId}/programme/workshops': scheduleTheWorkshops,
  'POST /staff/areas/{areaId}/programme/workshops/plan': planTheWorkshops,
  'POST /staff/areas/{areaId}/programme/workshops/shift': shiftTheLaterWorkshops,
  'POST /staff/areas/{areaId}/programme/attendance': recordWorkshopAttendance,
  'POST /staff/areas/{areaId}/programme/steps': completeStep,
  'POST /staff/areas/{areaId}/programme/resume': resumeWorkflow,
  'GET /staff/areas/{areaId}/window': viewRecruitmentWindow,
  'POST /staff/areas/{areaId}/window': changeTheRecruitmentWindow,
  'GET /staff/regions/{regionId}/learning-event': viewLearningEvent,
  'POST /staff/regions/{regionId}/learning-event': scheduleTheLearningEvent,
});
