import {
  NotFoundError,
  dateProblem,
  isClockTime,
  ukInstantFrom,
  objectivesFromText,
  regionIds,
  regionName,
  staffSteps,
  type FieldError,
  type LearningEvent,
  type RegionId,
  type WorkshopSchedule,
} from '@pip/domain';
import { learningEventInvitation } from '@pip/mail';
import { log } from '../kit/log';
import { learningEventPage } from '../pages/learning-event-page';
import { queueAndSend } from '../send-emails';
import { pathParameter, type HttpEvent } from '../kit/event';
import { httpHandler } from '../kit/http-handler';
import { htmlResponse, redirect } from '../kit/responses';
import type { FormValues } from '../pages/form-fields';
import { programmePage } from '../pages/programme-page';
import { regionProgress } from '../region-progress';
import { actorOf, auditEntry, staffView } from '../staff-request';
import { completeStaffStep, resumeAfterFailure } from '../staff-steps';
import { selectedParticipants, sendWorkshopEmails } from '../workshop-emails';
import { workshopsFromForm } from '../workshop-form';
import { getPlatform } from '../wiring';

const NOTICES: Record<string, string> = {
  visit: 'The visit is recorded.',
  workshops: 'The workshop schedule is saved.',
  step: 'Recorded: the area moves on to its next stage.',
  attendance: 'Attendance is recorded.',
  resumed: 'The workflow is going on again: it passes through the steps already done and tries the one that stopped it.',
};

async function render(event: HttpEvent, status: number, options: { values?: FormValues; errors?: FieldError[]; notice?: string } = {}) {
  const platform = getPlatform();
  const areaId = pathParameter(event, 'areaId');
  const area = await platform.areas.existing(areaId);
  const [progress, visit, workshops, participants, attendance, waiting] = await Promise.all([
    platform.workflow.progress(areaId),
    platform.workflow.visit(areaId),
    platform.workflow.workshops(areaId),
    selectedParticipants(areaId),
    platform.workflow.attendance(areaId),
    platform.workflow.waitingSteps(areaId),
  ]);
  return htmlResponse(
    status,
    programmePage(staffView(event), {
      area, progress, visit, workshops,
      waitingFor: waiting[0],
      participants: participants.map((participant) => ({ applicationId: participant.applicationId, name: participant.answers.fullName })),
      attendance,
      now: platform.clock.now(),
      values: options.values ?? {},
      errors: options.errors ?? [],
      notice: options.notice,
    }),
  );
}

const programmePath = (areaId: string, done: string) => `/staff/areas/${encodeURIComponent(areaId)}/programme?done=${done}`;

/** Preparation is done when the visit is recorded and the workshops scheduled, in either order. */
async function preparationDoneIfReady(event: HttpEvent, areaId: string): Promise<void> {
  const platform = getPlatform();
  const [visit, workshops] = await Promise.all([platform.workflow.visit(areaId), platform.workflow.workshops(areaId)]);
  if (visit && workshops) await completeStaffStep(areaId, 'preparation', actorOf(event));
}

/** Once invitations have gone out, a new schedule goes to every participant as a calendar update. */
async function sendCalendarUpdates(areaId: string, schedule: WorkshopSchedule, previous: WorkshopSchedule | undefined): Promise<void> {
  const platform = getPlatform();
  const [progress, area] = await Promise.all([platform.workflow.progress(areaId), platform.areas.get(areaId)]);
  if (progress?.stage !== 'delivery' || !area) return;
  await sendWorkshopEmails(area, await selectedParticipants(areaId), schedule, previous);
}

async function regionParticipants(regionId: string) {
  const { areas, progress, complete } = await regionProgress(regionId);
  const participants = (await Promise.all(areas.map((area) => selectedParticipants(area.areaId)))).flat();
  return {
    ready: complete,
    areasToComplete: areas.filter((_, index) => progress[index]?.stage !== 'complete').map((area) => area.name),
    participants,
  };
}

async function renderLearningEvent(event: HttpEvent, status: number, options: { values?: FormValues; errors?: FieldError[]; notice?: string } = {}) {
  const regionId = regionIdOf(event);
  const [region, saved] = await Promise.all([regionParticipants(regionId), getPlatform().workflow.learningEvent(regionId)]);
  return htmlResponse(
    status,
    learningEventPage(staffView(event), {
      regionId,
      regionName: regionName(regionId),
      ready: region.ready,
      areasToComplete: region.areasToComplete,
      event: saved,
      participants: region.participants.length,
      values: options.values ?? {},
      errors: options.errors ?? [],
      notice: options.notice,
    }),
  );
}

function regionIdOf(event: HttpEvent): RegionId {
  const regionId = regionIds.find((id) => id === pathParameter(event, 'regionId'));
  if (!regionId) throw new NotFoundError('Region');
  return regionId;
}

export const handler = httpHandler({
  kind: 'page',
  body: 'form',
  routes: [
    {
      method: 'GET',
      path: '/staff/regions/{regionId}/learning-event',
      handler: (event) => renderLearningEvent(event, 200, { notice: event.queryStringParameters?.done ? 'Invitations are on their way to every participant of the region.' : undefined }),
    },
    {
      method: 'POST',
      path: '/staff/regions/{regionId}/learning-event',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const regionId = regionIdOf(event);
        const platform = getPlatform();
        const region = await regionParticipants(regionId);
        if (!region.ready) return renderLearningEvent(event, 409, { errors: [{ field: 'date', message: 'Every area of the region must be complete first' }] });
        const errors: FieldError[] = [];
        const startsAt = ukInstantFrom(form.date, form.time);
        const minutes = Number(form.minutes);
        const venue = (form.venue ?? '').trim();
        const eventDateProblem = dateProblem(form.date, 'the date of the event');
        if (eventDateProblem) errors.push({ field: 'date', message: eventDateProblem });
        if (!isClockTime((form.time ?? '').trim())) errors.push({ field: 'time', message: 'Enter the start time, like 10:00' });
        if (!Number.isInteger(minutes) || minutes < 30 || minutes > 600) errors.push({ field: 'minutes', message: 'Enter the length in minutes, from 30 to 600' });
        if (!venue) errors.push({ field: 'venue', message: 'Enter the venue' });
        if (errors.length > 0 || !startsAt) return renderLearningEvent(event, 400, { values: form, errors });
        const previous = await platform.workflow.learningEvent(regionId);
        const actor = actorOf(event);
        const learningEvent: LearningEvent = {
          regionId,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
          venue,
          scheduledBy: actor.name,
          sequence: previous ? previous.sequence + 1 : 0,
        };
        await platform.workflow.saveLearningEvent(learningEvent);
        const programmeUrl = `${platform.publicBaseUrl ?? ''}/apply`;
        await queueAndSend(
          region.participants.map((participant) => ({
            email: learningEventInvitation(regionName(regionId), learningEvent, participant, platform.emailConfig.from, programmeUrl),
          })),
        );
        log('INFO', 'learning event scheduled', { regionId, participants: region.participants.length, by: actor.staffId });
        return redirect(`/staff/regions/${encodeURIComponent(regionId)}/learning-event?done=1`);
      },
    },
    {
      method: 'GET',
      path: '/staff/areas/{areaId}/programme',
      handler: (event) => render(event, 200, { notice: NOTICES[event.queryStringParameters?.done ?? ''] }),
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/programme/visit',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const visitedOn = (form.visitedOn ?? '').trim();
        const visitDateProblem = dateProblem(visitedOn, 'the date of the visit');
        if (visitDateProblem) return render(event, 400, { values: form, errors: [{ field: 'visitedOn', message: visitDateProblem }] });
        const platform = getPlatform();
        const actor = actorOf(event);
        const visit = { visitedOn, ...(form.notes?.trim() ? { notes: form.notes.trim().slice(0, 2000) } : {}), recordedBy: actor.name };
        await platform.workflow.saveVisit(areaId, visit);
        await platform.audit.record(auditEntry(areaId, actor, 'Area visit recorded', `The programme team visited the area on ${visitedOn}.`, undefined, visit));
        await preparationDoneIfReady(event, areaId);
        return redirect(programmePath(areaId, 'visit'));
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/programme/workshops',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const parsed = workshopsFromForm(form);
        if (parsed.errors.length > 0) return render(event, 400, { values: form, errors: parsed.errors });
        const platform = getPlatform();
        const expected = Number(form.sequence ?? '-1');
        const before = await platform.workflow.workshops(areaId);
        const schedule: WorkshopSchedule = {
          areaId,
          workshops: parsed.workshops,
          ...(parsed.intervalBreaches.length > 0 && parsed.intervalOverride ? { intervalOverride: parsed.intervalOverride } : {}),
          sequence: expected + 1,
        };
        if (!(await platform.workflow.saveWorkshops(schedule, expected))) {
          return render(event, 409, { errors: [{ field: 'workshops', message: 'Someone else changed the schedule while you were editing it. Nothing you sent was saved; check it and try again.' }] });
        }
        const overridden = schedule.intervalOverride ? ` Interval rule overridden: ${parsed.intervalBreaches.join(' ')} Reason: ${schedule.intervalOverride}` : '';
        await platform.audit.record(
          auditEntry(areaId, actorOf(event), before ? 'Workshops rescheduled' : 'Workshops scheduled', `Four workshops scheduled.${overridden}`, before?.workshops, schedule.workshops),
        );
        await sendCalendarUpdates(areaId, schedule, before);
        await preparationDoneIfReady(event, areaId);
        return redirect(programmePath(areaId, 'workshops'));
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/programme/attendance',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as Record<string, string | string[] | undefined>;
        const areaId = pathParameter(event, 'areaId');
        const platform = getPlatform();
        const [workshops, participants] = await Promise.all([platform.workflow.workshops(areaId), selectedParticipants(areaId)]);
        const workshop = workshops?.workshops.find((candidate) => String(candidate.number) === form.workshop);
        if (!workshop || Date.parse(workshop.startsAt) > platform.clock.now().getTime()) {
          return render(event, 400, { errors: [{ field: 'workshop', message: 'Attendance can only be recorded for a workshop that has started' }] });
        }
        const known = new Set(participants.map((participant) => participant.applicationId));
        const present = [form.present ?? []].flat().filter((id) => known.has(id));
        const actor = actorOf(event);
        await platform.workflow.saveAttendance(areaId, { workshop: workshop.number, present, recordedBy: actor.name, recordedAt: platform.clock.now().toISOString() });
        const names = participants.filter((participant) => present.includes(participant.applicationId)).map((participant) => participant.answers.fullName);
        await platform.audit.record(auditEntry(areaId, actor, 'Attendance recorded', `Workshop ${workshop.number}: ${present.length} of ${participants.length} attended${names.length ? ` (${names.join(', ')})` : ''}.`));
        return redirect(programmePath(areaId, 'attendance'));
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/programme/steps',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const step = (['action-plan', 'progress-reviews', 'evaluation'] as const).find((candidate) => candidate === form.step);
        const platform = getPlatform();
        if (!step || !(await platform.workflow.isWaiting(areaId, step))) {
          return render(event, 409, { errors: [{ field: 'step', message: 'The area is not at that step now. Check its stage and try again.' }] });
        }
        const objectives = objectivesFromText(String(form.objectives ?? ''));
        if (step === 'action-plan' && objectives.length === 0) {
          return render(event, 400, { values: form, errors: [{ field: 'objectives', message: 'Enter the objectives of the action plan, one per line' }] });
        }
        await platform.audit.record(auditEntry(areaId, actorOf(event), staffSteps[step].replace(/^(Record that|Close) (\w)/u, (_, verb: string, first: string) => (verb === 'Close' ? `Closed ${first}` : first.toUpperCase())), `${staffSteps[step]}: done.`));
        if (step === 'action-plan') {
          await platform.workflow.saveActionPlan({
            areaId,
            objectives: objectives.map((text, index) => ({ objectiveId: `objective-${index + 1}`, text })),
            agreedAt: platform.clock.now().toISOString(),
            agreedBy: actorOf(event).name,
          });
        }
        if (step === 'evaluation') await platform.evaluation.close(areaId, platform.clock.now().toISOString());
        await completeStaffStep(areaId, step, actorOf(event));
        return redirect(programmePath(areaId, 'step'));
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/programme/resume',
      handler: async (event) => {
        const areaId = pathParameter(event, 'areaId');
        await getPlatform().areas.existing(areaId);
        // A second click, or a colleague's, finds nothing to resume: the page shows where the area stands.
        await resumeAfterFailure(areaId, actorOf(event));
        return redirect(programmePath(areaId, 'resumed'));
      },
    },
  ],
});
