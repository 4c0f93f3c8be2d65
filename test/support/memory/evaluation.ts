import type { AuditEntry, EvaluationResponse, EvaluationStore, EvaluationSurvey } from '@pip/domain';
import type { MemoryAudit } from './areas';
import { Rows, key } from './rows';

/** Each area's survey, opened once and closed once, and one response per participant while it is open. */
export class MemoryEvaluation implements EvaluationStore {
  readonly surveys = new Rows<EvaluationSurvey>();
  /** By area and participant. */
  readonly responsesByArea = new Rows<EvaluationResponse>();

  /** Marking a comment writes its audit entry in the same transaction, so the two share the audit log. */
  constructor(private readonly audit?: MemoryAudit) {}

  async survey(areaId: string): Promise<EvaluationSurvey | undefined> {
    return this.surveys.read(areaId);
  }

  async surveysOf(areaIds: readonly string[]): Promise<Map<string, EvaluationSurvey>> {
    const found = await Promise.all(areaIds.map((areaId) => this.survey(areaId)));
    return new Map(found.filter((survey) => survey !== undefined).map((survey) => [survey.areaId, survey]));
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

  async markCommentPublishable(areaId: string, applicationId: string, publishable: boolean, expectedVersion: number, entry: AuditEntry): Promise<boolean> {
    const stored = this.responsesByArea.get(key(areaId, applicationId));
    if (stored?.version !== expectedVersion || this.audit?.holds(entry)) return false;
    this.responsesByArea.write(key(areaId, applicationId), { ...stored, commentPublishable: publishable, version: expectedVersion + 1 });
    await this.audit?.record(entry);
    return true;
  }
}
