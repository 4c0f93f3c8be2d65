import {
  commentOf,
  evaluationFigures,
  groupOn,
  regionName,
  reportNames,
  withheldWhenFew,
  type EvaluationFigures,
  type Area,
  type EvaluationReport,
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

/** Every area's survey in the scope, with the figures the programme reports, for the whole and per area. */
export async function evaluationReport(ports: ReportPorts, scope: ReportScope, published: boolean): Promise<EvaluationReport> {
  const areas = await areasIn(ports, scope);
  const perArea = await Promise.all(
    areas.map(async (area) => {
      const [survey, responses] = await Promise.all([ports.evaluation.survey(area.areaId), ports.evaluation.responses(area.areaId)]);
      return { area, survey, invited: survey?.invited ?? 0, responses, answers: responses.map((response) => response.answers) };
    }),
  );
  // Published numbers run across the whole programme, so every report gives an area the same one.
  const names = reportNames(published && scope.kind !== 'programme' ? await ports.areas.list() : areas, published);
  const title = scope.kind === 'programme' ? 'The whole programme' : scope.kind === 'region' ? regionName(scope.regionId) : names.get(areas[0]!.areaId)!;
  const forStaffOfOneArea = scope.kind === 'area' && !published;
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
    ...(forStaffOfOneArea
      ? { voices: await voicesOf(ports, scope.areaId, perArea[0]?.survey, perArea[0]?.responses ?? []) }
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
async function voicesOf(
  ports: ReportPorts,
  areaId: string,
  survey: EvaluationSurvey | undefined,
  responses: readonly EvaluationResponse[],
): Promise<NonNullable<EvaluationReport['voices']>> {
  const [selection, applications, reminders] = await Promise.all([ports.selections.get(areaId), ports.applications.listForArea(areaId), ports.reminders.latest(areaId)]);
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
