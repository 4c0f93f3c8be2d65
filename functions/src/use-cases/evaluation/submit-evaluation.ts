import { ConcurrentChangeError, LOST_RACE, SurveyClosedError, evaluationSchema, keepsPublication, parseInput, takeTurns, type Area, type EvaluationResponse, type Ports } from '@pip/domain';
import { evaluationEmails } from '@pip/mail';
import { formSenders, timelineEntry } from '../timeline/timeline-entry';

/**
 * Saves the participant's one response, replacing an earlier one, while the survey is open; their
 * reminder is then withdrawn. Concurrent submissions each land in turn on the same item; none makes
 * a second response. A comment staff marked for publication stays marked only while its words stay.
 */
export async function submitEvaluation(ports: Pick<Ports, 'evaluation' | 'outbox' | 'clock' | 'audit'>, area: Area, applicationId: string, input: unknown): Promise<EvaluationResponse> {
  const answers = parseInput(evaluationSchema, input);
  const response = await takeTurns(
    async () => {
      const [survey, existing] = await Promise.all([ports.evaluation.survey(area.areaId), ports.evaluation.response(area.areaId, applicationId)]);
      if (!survey || survey.closedAt) throw new SurveyClosedError();
      const version = existing?.version ?? 0;
      const response: EvaluationResponse = {
        areaId: area.areaId,
        applicationId,
        answers,
        submittedAt: ports.clock.now().toISOString(),
        version: version + 1,
        ...(keepsPublication(existing, answers) ? { commentPublishable: true } : {}),
      };
      if (!(await ports.evaluation.respond(response, version))) return LOST_RACE;
      await ports.outbox.cancel(evaluationEmails.reminderId(area, applicationId));
      return response;
    },
    () => new ConcurrentChangeError('Your evaluation'),
  );
  await ports.audit.record(
    timelineEntry(ports.clock, area.areaId, {
      kind: 'form',
      actor: formSenders.participant,
      action: response.version === 1 ? 'Evaluation answered' : 'Evaluation answers changed',
      summary: response.version === 1 ? 'The participant answered the evaluation.' : `The participant changed their evaluation answers (version ${response.version}).`,
      subjects: [applicationId],
      at: response.submittedAt,
    }),
  );
  return response;
}
