import {
  commentOf,
  evaluationFigures,
  groupOn,
  regionName,
  reportNames,
  withheldWhenFew,
  type EvaluationFigures,
  type Application,
  type Area,
  type AreaSelection,
  type EvaluationReport,
  type LatestReminders,
  type EvaluationResponse,
  type EvaluationSurvey,
  type Ports,
  type ReportScope,
} from '@pip/domain';

type ReportPorts = Pick<Ports, 'areas' | 'evaluation' | 'selections' | 'applications' | 'reminders' | 'clock'>;

async function areasIn(ports: ReportPorts, scope: ReportScope): Promise<Area[]> {
  if (scope.kind === 'area') return [await ports.areas.existing(scope.areaId)];
  return scope.kind === 'region' ? ports.areas.listInRegion(scope.regionId) : ports.areas.list();
}

/** The surveys of the areas, in one read, and their responses, side by side. */
async function surveysOf(ports: ReportPorts, areaIds: readonly string[]): Promise<{ surveys: Map<string, EvaluationSurvey>; responses: EvaluationResponse[][] }> {
  const [surveys, ...responses] = await Promise.all([ports.evaluation.surveysOf(areaIds), ...areaIds.map((areaId) => ports.evaluation.responses(areaId))]);
  return { surveys, responses };
}

/**
 * Every area's survey in the scope, with the figures the programme reports, for the whole and per area.
 * At most two waves of reads: what is known from the scope is read at once (one area's survey,
 * responses and voices beside the area itself), and the areas of a region or of the programme first.
 */
export async function evaluationReport(ports: ReportPorts, scope: ReportScope, published: boolean): Promise<EvaluationReport> {
  const forStaffOfOneArea = scope.kind === 'area' && !published;
  const [areas, everyArea, known, voiceReads] = await Promise.all([
    areasIn(ports, scope),
    // Published numbers run across the whole programme, so every report gives an area the same one.
    published && scope.kind !== 'programme' ? ports.areas.list() : undefined,
    scope.kind === 'area' ? surveysOf(ports, [scope.areaId]) : undefined,
    forStaffOfOneArea ? Promise.all([ports.selections.get(scope.areaId), ports.applications.listForArea(scope.areaId), ports.reminders.latest(scope.areaId)]) : undefined,
  ]);
  const { surveys, responses } = known ?? (await surveysOf(ports, areas.map((area) => area.areaId)));
  const perArea = areas.map((area, index) => {
    const survey = surveys.get(area.areaId);
    const answered = responses[index] ?? [];
    return { area, survey, invited: survey?.invited ?? 0, responses: answered, answers: answered.map((response) => response.answers) };
  });
  const names = reportNames(everyArea ?? areas, published);
  const title = scope.kind === 'programme' ? 'The whole programme' : scope.kind === 'region' ? regionName(scope.regionId) : names.get(areas[0]!.areaId)!;
  const shown = (figures: EvaluationFigures) => (published ? withheldWhenFew(figures) : figures);
  return {
    title,
    scope,
    published,
    overall: shown(
      evaluationFigures(
        perArea.reduce((sum, area) => sum + area.invited, 0),
        perArea.flatMap((area) => area.answers),
      ),
    ),
    areas: perArea
      .map((area) => ({ name: names.get(area.area.areaId)!, figures: shown(evaluationFigures(area.invited, area.answers)) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true })),
    ...(voiceReads
      ? { voices: voicesOf(ports, voiceReads, perArea[0]?.survey, perArea[0]?.responses ?? []) }
      : {
          // Only what staff marked publishable, and never who wrote it.
          publishableComments: perArea
            .flatMap((area) =>
              area.responses.filter((response) => response.commentPublishable && commentOf(response.answers)).map((response) => ({ area: names.get(area.area.areaId)!, text: commentOf(response.answers) })),
            )
            .sort((a, b) => a.area.localeCompare(b.area, 'en-GB', { numeric: true })),
        }),
  };
}

/** For staff of one area: who in its group now has not answered, by name; every comment with whether it is publishable; the last reminder. */
function voicesOf(
  ports: ReportPorts,
  [selection, applications, reminders]: [AreaSelection | undefined, Application[], LatestReminders],
  survey: EvaluationSurvey | undefined,
  responses: readonly EvaluationResponse[],
): NonNullable<EvaluationReport['voices']> {
  const group = selection ? groupOn(selection, ports.clock.now().toISOString()) : new Set<string>();
  const answered = new Set(responses.map((response) => response.applicationId));
  const notAnswered = applications
    .filter((application) => group.has(application.applicationId) && !answered.has(application.applicationId))
    .map((application) => application.answers.fullName);
  return {
    notAnswered,
    comments: responses
      .filter((response) => commentOf(response.answers) !== '')
      .map((response) => ({ applicationId: response.applicationId, text: commentOf(response.answers), publishable: response.commentPublishable === true, version: response.version })),
    canRemind: survey !== undefined && survey.closedAt === undefined && notAnswered.length > 0,
    ...(reminders.evaluation ? { lastReminded: reminders.evaluation } : {}),
  };
}
