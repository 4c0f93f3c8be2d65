import type { EvaluationResponse, EvaluationStore, EvaluationSurvey } from '@pip/domain';
import { Rows, key } from './rows';

/** Each area's survey, opened once and closed once, and one response per participant while it is open. */
export class MemoryEvaluation implements EvaluationStore {
  readonly surveys = new Rows<EvaluationSurvey>();
  /** By area and participant. */
  readonly responsesByArea = new Rows<EvaluationResponse>();

  async survey(areaId: string): Promise<EvaluationSurvey | undefined> {
    return this.surveys.read(areaId);
  }

  async open(survey: EvaluationSurvey): Promise<boolean> {
    return this.surveys.add(survey.areaId, survey);
  }

  async close(areaId: string, at: string): Promise<void> {
    this.surveys.setOnce(areaId, 'closedAt', at);
  }

  async responses(areaId: string): Promise<EvaluationResponse[]> {
    return this.responsesByArea.listUnder(areaId);
  }

  async response(areaId: string, applicationId: string): Promise<EvaluationResponse | undefined> {
    return this.responsesByArea.read(key(areaId, applicationId));
  }

  async respond(response: EvaluationResponse, expectedVersion: number): Promise<boolean> {
    const survey = this.surveys.get(response.areaId);
    const stored = this.responsesByArea.get(key(response.areaId, response.applicationId));
    const unchanged = expectedVersion === 0 ? stored === undefined : stored?.version === expectedVersion;
    if (!survey || survey.closedAt !== undefined || !unchanged) return false;
    this.responsesByArea.write(key(response.areaId, response.applicationId), response);
    return true;
  }
}
