import type { EvaluationResponse, EvaluationSurvey } from '../evaluation';
import type { AuditEntry } from '../staff';

/** The evaluation survey of each area and its responses, one per participant. */
export interface EvaluationStore {
  survey(areaId: string): Promise<EvaluationSurvey | undefined>;
  /** The surveys of many areas in one read (the programme's and a region's reports), by area; an area with none is absent. */
  surveysOf(areaIds: readonly string[]): Promise<Map<string, EvaluationSurvey>>;
  /** Opens the survey once; false if it is open already. */
  open(survey: EvaluationSurvey): Promise<boolean>;
  /** Closes the survey once; closing it again changes nothing. */
  close(areaId: string, at: string): Promise<void>;
  responses(areaId: string): Promise<EvaluationResponse[]>;
  response(areaId: string, applicationId: string): Promise<EvaluationResponse | undefined>;
  /** Saves the response if still at `expectedVersion` (0: none yet) and the survey is open; false otherwise. */
  respond(response: EvaluationResponse, expectedVersion: number): Promise<boolean>;
  /**
   * Marks the response's comment publishable or not, with its audit entry in one write, if the
   * response is still at `expectedVersion`; the version is raised. False if it changed first.
   */
  markCommentPublishable(areaId: string, applicationId: string, publishable: boolean, expectedVersion: number, entry: AuditEntry): Promise<boolean>;
}
