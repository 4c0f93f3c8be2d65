import { describe, expect, it } from 'vitest';
import { openEvaluation } from '@pip/functions/use-cases/evaluation/open-evaluation';
import { openEvaluationLink } from '@pip/functions/use-cases/evaluation/evaluation-link';
import { submitEvaluation } from '@pip/functions/use-cases/evaluation/submit-evaluation';
import { memoryPorts } from '../../support/memory-ports';
import { recording } from '../../support/recording-ports';
import { LEADS as FIXTURE_LEADS, LEEDS, approvedWith } from './fixtures';

/*
 * A participant answering the evaluation through their link (POST /evaluation/{token}): the link,
 * the survey and their response so far are read side by side (the token names the area and the
 * person), and the answer is decided on those reads: one round trip, then one write that holds the
 * response with its line on the timeline.
 */
/** The leads with references as the platform makes them, which a link's token can name. */
const LEADS = FIXTURE_LEADS.map((lead, index) => ({ ...lead, applicationId: `PIP-7K3Q-${String(index).padStart(4, '0')}` })) as unknown as typeof FIXTURE_LEADS;

const answers = { materials: 'good', content: 'excellent', facilitation: 'good', knowledgeIncreased: 'yes', abilityIncreased: 'yes', metExpectations: 'partly' };

async function linkOf(applicationId: string) {
  // The group as the approval made it: each lead selected.
  const selection = { ...approvedWith(LEADS), outcomes: Object.fromEntries(LEADS.map((lead) => [lead.applicationId, { kind: 'selected' as const, reasons: [] }])) };
  const ports = memoryPorts({ now: '2027-07-01T12:00:00.000Z', areas: [LEEDS], applications: LEADS, selections: [selection] });
  await openEvaluation(ports, LEEDS.areaId);
  const email = ports.outbox.queued().find((queued) => queued.to === LEADS.find((lead) => lead.applicationId === applicationId)!.answers.email && queued.subject.startsWith('How was the programme?'));
  const token = /\/evaluation\/([^\s"<]+)/u.exec(email!.text)![1]!;
  return { ports, token };
}

describe('answering the evaluation through a participant’s link', () => {
  it('reads once, side by side, and writes the response with its timeline line and announcement in one write', async () => {
    const { ports, token } = await linkOf(LEADS[0].applicationId);
    const request = recording(ports);
    const link = await openEvaluationLink(request.ports, token);
    if (link.problem) throw new Error(`the link did not open: ${link.problem}`);
    await submitEvaluation(request.ports, link.area, link.applicationId, answers, link);

    expect(request.recorded.readWaves).toBe(1);
    expect(request.recorded.writes).toEqual(['announcements.evaluationAnswered']);
    expect((await ports.audit.listForArea(LEEDS.areaId)).map((entry) => entry.action)).toContain('Evaluation answered');
    // The announcement withdraws the reminder to answer, from the table's stream.
    expect((await ports.outbox.get(`evaluation-reminder-${LEEDS.areaId}-${LEADS[0].applicationId}`))?.status).toBe('cancelled');
    expect((await ports.outbox.get(`evaluation-reminder-${LEEDS.areaId}-${LEADS[1].applicationId}`))?.status).toBe('pending');
  });

  it('a second answer decides on the response as the link read it, and replaces it', async () => {
    const { ports, token } = await linkOf(LEADS[0].applicationId);
    await submitEvaluation(ports, LEEDS, LEADS[0].applicationId, answers);
    const request = recording(ports);
    const link = await openEvaluationLink(request.ports, token);
    if (link.problem) throw new Error(`the link did not open: ${link.problem}`);
    const changed = await submitEvaluation(request.ports, link.area, link.applicationId, { ...answers, content: 'good' }, link);

    expect(changed.version).toBe(2);
    expect(request.recorded.readWaves).toBe(1);
    expect((await ports.audit.listForArea(LEEDS.areaId)).map((entry) => entry.action)).toContain('Evaluation answers changed');
  });
});
