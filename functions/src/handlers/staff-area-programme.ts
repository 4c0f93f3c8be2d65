import { onFirstUse } from '../kit/routes-on-first-use';
import { pageHandler } from './shared/page-handler';

// Each page's module is loaded on its first request, so a cold start evaluates only the page it serves.
const learningEvent = onFirstUse(() => import('./staff-area-programme/learning-event'));
const preparation = onFirstUse(() => import('./staff-area-programme/preparation'));
const programme = onFirstUse(() => import('./staff-area-programme/programme'));
const recruitmentWindow = onFirstUse(() => import('./staff-area-programme/recruitment-window'));
const workflowSteps = onFirstUse(() => import('./staff-area-programme/workflow-steps'));
const workshopSet = onFirstUse(() => import('./staff-area-programme/workshop-set'));

/** An area's recruitment window, its programme after selection (visit, workshops, attendance, the steps staff record) and its region's learning event. */
export const handler = pageHandler('staff-area-programme', {
  'GET /staff/areas/{areaId}/programme': programme.route('viewProgramme'),
  'POST /staff/areas/{areaId}/programme/visit': preparation.route('recordVisit'),
  'POST /staff/areas/{areaId}/programme/workshops': preparation.route('scheduleTheWorkshops'),
  'POST /staff/areas/{areaId}/programme/workshops/plan': workshopSet.route('planTheWorkshops'),
  'POST /staff/areas/{areaId}/programme/workshops/shift': workshopSet.route('shiftTheLaterWorkshops'),
  'POST /staff/areas/{areaId}/programme/attendance': workflowSteps.route('recordWorkshopAttendance'),
  'POST /staff/areas/{areaId}/programme/steps': workflowSteps.route('completeStep'),
  'POST /staff/areas/{areaId}/programme/resume': workflowSteps.route('resumeWorkflow'),
  'GET /staff/areas/{areaId}/window': recruitmentWindow.route('viewRecruitmentWindow'),
  'POST /staff/areas/{areaId}/window': recruitmentWindow.route('changeTheRecruitmentWindow'),
  'GET /staff/regions/{regionId}/learning-event': learningEvent.route('viewLearningEvent'),
  'POST /staff/regions/{regionId}/learning-event': learningEvent.route('scheduleTheLearningEvent'),
});
