import { describe, expect, it } from 'vitest';
import { deliverEmail } from '@pip/mail';
import { recordStageEntered } from '../../../functions/src/use-cases/area-workflow/enter-stage';
import { recordFailure } from '../../../functions/src/use-cases/area-workflow/record-failure';
import { submitApplication } from '../../../functions/src/use-cases/recruitment/submit-application';
import { goodAnswers } from '../../support/application-answers';
import { memoryPorts } from '../../support/memory-ports';
import { LEEDS } from './fixtures';

describe('what the area timeline records besides decisions', () => {
  it('records an application received as a form, about the application by reference, with no name or address in it', async () => {
    const ports = memoryPorts({ now: '2027-01-10T12:00:00.000Z', areas: [LEEDS] });
    const result = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org', { fullName: 'Amira Khan' }));
    if (result.outcome !== 'received') throw new Error(result.outcome);
    expect(ports.audit.entries).toEqual([
      expect.objectContaining({ areaId: 'leeds', kind: 'form', action: 'Application received', subjects: [result.application.applicationId], at: '2027-01-10T12:00:00.000Z' }),
    ]);
    expect(JSON.stringify(ports.audit.entries)).not.toMatch(/Amira|amira@/u);
    // The same answers again (a double click) are not a second form.
    await submitApplication(ports, 'leeds', goodAnswers('amira@example.org', { fullName: 'Amira Khan' }));
    expect(ports.audit.entries).toHaveLength(1);
  });

  it('records each stage the area enters once, however often its step runs, and a failure where it stopped', async () => {
    const ports = memoryPorts({ now: '2027-02-03T08:00:00.000Z', areas: [LEEDS] });
    await recordStageEntered(ports, 'leeds', 'selection', 'Recruitment closed with 2 applications', LEEDS.recruitment.closesAt);
    // The step retried after the stage was saved but before its entry was: the entry is written then, once.
    ports.audit.entries.length = 0;
    await recordStageEntered(ports, 'leeds', 'selection', 'Recruitment closed with 2 applications', LEEDS.recruitment.closesAt);
    await recordStageEntered(ports, 'leeds', 'selection', 'Recruitment closed with 2 applications', LEEDS.recruitment.closesAt);
    expect(ports.audit.entries.map(({ kind, action, summary, at }) => ({ kind, action, summary, at }))).toEqual([
      { kind: 'workflow', action: 'Stage entered: Selection', summary: 'Recruitment closed with 2 applications.', at: LEEDS.recruitment.closesAt },
    ]);
    await recordFailure(ports, { areaId: 'leeds', failure: { Error: 'Error', Cause: 'The table did not answer' } });
    expect(ports.audit.entries.at(-1)).toMatchObject({ kind: 'workflow', action: 'Workflow stopped with an error', summary: expect.stringContaining('The table did not answer') });
  });

  it('records an area’s email sent by its subject and the reference of the person it went to', async () => {
    const ports = memoryPorts({ now: '2027-01-10T12:00:00.000Z', areas: [LEEDS] });
    const result = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    if (result.outcome !== 'received') throw new Error(result.outcome);
    const queued = ports.outbox.emails[0]!;
    await deliverEmail({ outbox: ports.outbox, unreachable: ports.unreachable, clock: ports.clock, mailer: ports.mailer, timeline: ports.audit }, queued.messageId);
    expect(ports.audit.entries.at(-1)).toMatchObject({
      kind: 'email',
      action: 'Email sent',
      summary: `“${queued.subject}”.`,
      subjects: [result.application.applicationId],
      actor: { name: 'The platform' },
    });
  });
});
