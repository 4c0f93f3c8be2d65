import { ConcurrentChangeError, LOST_RACE, SurveyClosedError, evaluationSchema, keepsPublication, parseInput, takeTurns, type Area, type EvaluationResponse, type Ports } from '@pip/domain';
import { formSenders, timelineEntry } from '../timeline/timeline-entry';

/** The survey and the participant's response as opening their link read them: what the first turn decides on. */
export interface EvaluationSeen {
  closed: boolean;
  response: EvaluationResponse | undefined;
}

/**
 * Saves the participant's one response, replacing an earlier one, while the survey is open, with its
 * line on the timeline and an announcement that withdraws their reminder (from the table's stream), in
 * one write. Concurrent submissions each land in turn on the same item; none makes a second response.
 * A comment staff marked for publication stays marked only while its words stay. The first turn
 * decides on what opening the link read (`seen`); a turn after a lost race reads again.
 */
export async function submitEvaluation(
  ports: Pick<Ports, 'evaluation' | 'announcements' | 'clock'>,
  area: Area,
  applicationId: string,
  input: unknown,
  seen?: EvaluationSeen,
): Promise<EvaluationResponse> {
  const answers = parseInput(evaluationSchema, input);
  let first = seen;
  return takeTurns(
    async () => {
      const [closed, existing] = first
        ? [first.closed, first.response]
        : await Promise.all([ports.evaluation.survey(area.areaId), ports.evaluation.response(area.areaId, applicationId)]).then(([survey, response]) => [!survey || survey.closedAt !== undefined, response] as const);
      first = undefined;
      if (closed) throw new SurveyClosedError();
      const version = existing?.version ?? 0;
      const response: EvaluationResponse = {
        areaId: area.areaId,
        applicationId,
        answers,
        submittedAt: ports.clock.now().toISOString(),
        version: version + 1,
        ...(keepsPublication(existing, answers) ? { commentPublishable: true } : {}),
      };
      const audit = timelineEntry(ports.clock, area.areaId, {
        kind: 'form',
        actor: formSenders.participant,
        action: response.version === 1 ? 'Evaluation answered' : 'Evaluation answers changed',
        summary: response.version === 1 ? 'The participant answered the evaluation.' : `The participant changed their evaluation answers (version ${response.version}).`,
        subjects: [applicationId],
        at: response.submittedAt,
      });
      const announcement = { kind: 'evaluation-answered', areaId: area.areaId, applicationId, version: response.version } as const;
      return (await ports.announcements.evaluationAnswered(response, version, audit, announcement)) ? response : LOST_RACE;
    },
    () => new ConcurrentChangeError('Your evaluation'),
  );
}
