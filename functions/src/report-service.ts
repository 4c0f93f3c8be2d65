import { NotFoundError, evaluationFigures, regionIds, regionName, reportNames, type Area, type EvaluationFigures, type RegionId } from '@pip/domain';
import { getPlatform } from './wiring';

export type ReportScope = { kind: 'area'; areaId: string } | { kind: 'region'; regionId: RegionId } | { kind: 'programme' };

export interface EvaluationReport {
  title: string;
  scope: ReportScope;
  published: boolean;
  overall: EvaluationFigures;
  /** One row per area, named or anonymous as the report is for staff or for publication. */
  areas: { name: string; figures: EvaluationFigures }[];
}

async function areasIn(scope: ReportScope): Promise<Area[]> {
  const { areas } = getPlatform();
  if (scope.kind === 'area') return [await areas.existing(scope.areaId)];
  return scope.kind === 'region' ? areas.listInRegion(scope.regionId) : areas.list();
}

export function regionScope(regionId: string): ReportScope {
  const region = regionIds.find((id) => id === regionId);
  if (!region) throw new NotFoundError('Region');
  return { kind: 'region', regionId: region };
}

/** Every area's survey in the scope, with the figures the programme reports, for the whole and per area. */
export async function evaluationReport(scope: ReportScope, published: boolean): Promise<EvaluationReport> {
  const platform = getPlatform();
  const areas = await areasIn(scope);
  const perArea = await Promise.all(
    areas.map(async (area) => {
      const [survey, responses] = await Promise.all([platform.evaluation.survey(area.areaId), platform.evaluation.responses(area.areaId)]);
      return { area, invited: survey?.invited ?? 0, answers: responses.map((response) => response.answers) };
    }),
  );
  const names = reportNames(areas, published);
  const title =
    scope.kind === 'programme' ? 'The whole programme' : scope.kind === 'region' ? regionName(scope.regionId) : names.get(areas[0]!.areaId)!;
  return {
    title,
    scope,
    published,
    overall: evaluationFigures(
      perArea.reduce((sum, area) => sum + area.invited, 0),
      perArea.flatMap((area) => area.answers),
    ),
    areas: perArea
      .map((area) => ({ name: names.get(area.area.areaId)!, figures: evaluationFigures(area.invited, area.answers) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true })),
  };
}
