import { ConflictError, type FieldError, type ProgrammeContext } from '@pip/domain';
import { platformPorts } from '../../composition-root';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute, type FormProblem } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { notices } from '../shared/notices';
import { staffView } from '../../kit/staff-auth';
import { programmePage } from '../../pages/programme-page';
import { programmeContext } from '../../use-cases/delivery/programme-context';

const programmeNotices = notices({
  visit: 'The visit is recorded.',
  workshops: 'The workshop schedule is saved.',
  step: 'Recorded: the area moves on to its next stage.',
  attendance: 'Attendance is recorded.',
  resumed: 'The workflow is going on again: it passes through the steps already done and tries the one that stopped it.',
  'nothing-to-resume': 'The workflow was already going on again: someone resumed it first.',
});

/** Back to the programme page, saying what was done. */
export const backToProgramme = (areaId: string, done: Parameters<typeof programmeNotices.redirect>[1]) =>
  programmeNotices.redirect(`/staff/areas/${encodeURIComponent(areaId)}/programme`, done);

/** The programme page, with the answers and errors of a refused form, or a schedule form filled for staff to check (`scheduleNotes` saying why). */
export async function showProgramme(
  event: HttpEvent,
  status: number,
  /** `context`: the programme as the action read it already, to show without reading it again. */
  options: { values?: Record<string, string>; errors?: FieldError[]; notice?: string; scheduleNotes?: string[]; context?: ProgrammeContext } = {},
) {
  const context = options.context ?? (await programmeContext(platformPorts(), pathParameter(event, 'areaId')));
  return htmlResponse(
    status,
    programmePage(staffView(event), { ...context, values: options.values ?? {}, errors: options.errors ?? [], notice: options.notice, scheduleNotes: options.scheduleNotes }),
  );
}

/**
 * A programme form's action. Answers to correct are shown again; when the area or the schedule
 * changed under the person, the page shows things as they now stand, not their answers.
 */
export const programmeForm = (action: RouteHandler): RouteHandler =>
  formRoute(action, (event, status, problem: FormProblem) =>
    showProgramme(event, status, problem.refusal instanceof ConflictError ? { errors: problem.errors } : problem),
  );

export const viewProgramme: RouteHandler = (event) => showProgramme(event, 200, { notice: programmeNotices.of(event) });
