import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { ActionPlan, Actor, ConsultancySlot } from '@pip/domain';
import {
  DynamoActionPlanStore,
  DynamoApplicationStore,
  DynamoAreaProgressStore,
  DynamoAreaStore,
  DynamoAuditStore,
  DynamoConsultancyStore,
  DynamoEvaluationStore,
  DynamoFollowUpStore,
  DynamoProgressReviewStore,
  DynamoSelectionStore,
  DynamoStaffStepStore,
  DynamoVisitStore,
  DynamoWorkshopStore,
  createDocumentClient,
  ensureTable,
} from '@pip/storage';
import { recordAreaVisit } from '../../functions/src/use-cases/delivery/record-area-visit';
import { recordAttendance } from '../../functions/src/use-cases/delivery/record-attendance';
import { completeProgrammeStep } from '../../functions/src/use-cases/delivery/complete-programme-step';
import { publishConsultancySlot } from '../../functions/src/use-cases/progress-reviews/publish-consultancy-slot';
import { changeConsultancySlotTime } from '../../functions/src/use-cases/progress-reviews/change-consultancy-slot';
import { removeConsultancySlot } from '../../functions/src/use-cases/progress-reviews/remove-consultancy-slot';
import { area as areaNamed } from '../unit/use-cases/fixtures';
import { answerFollowUpReview } from '../../functions/src/use-cases/progress-reviews/answer-follow-up-review';
import { resumeAreaWorkflow } from '../../functions/src/use-cases/delivery/resume-area-workflow';
import { recordProgressReview } from '../../functions/src/use-cases/progress-reviews/record-progress-review';

/*
 * A staff record and its line on the area's timeline stand or fall together: whichever of the
 * request's writes fails (the machine stops, the table refuses), the area never has one without the
 * other. Shown by failing each write the use case makes in turn, on DynamoDB Local.
 */
const tableName = `pip-record-timeline-${randomUUID().slice(0, 8)}`;
const documents = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });
const sam: Actor = { name: 'Sam Rivers' };

/** Which write (counting from 1) the table refuses next; 0: none. */
let failWrite = 0;
let writesSeen = 0;
documents.middlewareStack.add(
  (next, context) => async (args) => {
    if (/^(Update|Put|Delete|TransactWrite)/u.test(String(context.commandName))) {
      writesSeen += 1;
      if (writesSeen === failWrite) throw new Error(`refused write ${writesSeen} (${String(context.commandName)})`);
    }
    return next(args);
  },
  { step: 'initialize', name: 'refuseOneWrite' },
);

const audit = new DynamoAuditStore(documents, tableName);
const visits = new DynamoVisitStore(documents, tableName);
const workshops = new DynamoWorkshopStore(documents, tableName);
const progressReviews = new DynamoProgressReviewStore(documents, tableName);
const actionPlans = new DynamoActionPlanStore(documents, tableName);
const staffSteps = new DynamoStaffStepStore(documents, tableName);
const selections = new DynamoSelectionStore(documents, tableName);
const applications = new DynamoApplicationStore(documents, tableName);
const areas = new DynamoAreaStore(documents, tableName);
const progress = new DynamoAreaProgressStore(documents, tableName);
const followUps = new DynamoFollowUpStore(documents, tableName);
const consultancy = new DynamoConsultancyStore(documents, tableName);
const clock = { now: () => new Date() };
const evaluation = new DynamoEvaluationStore(documents, tableName);
/** The tokens the workflow was told to go on with, in order. */
const continued: string[] = [];
const workflow = { continue: async (token: string) => void continued.push(token), start: async () => undefined, restart: async () => undefined };
/** Every store the use cases below may ask for, each on this file's table. */
const ports = { areas, progress, consultancy, followUps, visits, workshops, progressReviews, actionPlans, staffSteps, selections, applications, evaluation, audit, workflow, clock };

beforeAll(async () => {
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });
  await ensureTable(client, tableName);
  client.destroy();
});
afterAll(() => documents.destroy());

/**
 * Runs `act` once to count its writes, then again on fresh areas failing each write in turn, and
 * returns, for each run, whether the record stands and how many timeline lines it has.
 */
async function eachWriteFailing(act: (areaId: string) => Promise<unknown>, stands: (areaId: string) => Promise<boolean>) {
  const outcomes: { failing: number; stands: boolean; lines: number }[] = [];
  const counted = `area-${randomUUID().slice(0, 8)}`;
  writesSeen = 0;
  failWrite = 0;
  await act(counted);
  const writes = writesSeen;
  outcomes.push({ failing: 0, stands: await stands(counted), lines: (await audit.listForArea(counted)).length });
  for (let failing = 1; failing <= writes; failing += 1) {
    const areaId = `area-${randomUUID().slice(0, 8)}`;
    writesSeen = 0;
    failWrite = failing;
    await act(areaId).catch(() => undefined);
    failWrite = 0;
    outcomes.push({ failing, stands: await stands(areaId), lines: (await audit.listForArea(areaId)).length });
  }
  return { writes, outcomes };
}

describe('a staff record and its timeline line', () => {
  it('a visit is recorded with its line in one write, and never without it', async () => {
    const { writes, outcomes } = await eachWriteFailing(
      (areaId) => recordAreaVisit(ports, areaId, sam, { visitedOn: '2027-01-12', notes: 'Met the leads.' }),
      async (areaId) => (await visits.get(areaId)) !== undefined,
    );
    for (const outcome of outcomes) expect(outcome, `write ${outcome.failing} refused`).toMatchObject({ lines: outcome.stands ? 1 : 0 });
    expect(outcomes[0]).toMatchObject({ stands: true, lines: 1 });
    expect(writes).toBe(1);
  });

  it('a visit’s line gives its date as the programme’s pages do', async () => {
    const areaId = `area-${randomUUID().slice(0, 8)}`;
    await recordAreaVisit(ports, areaId, sam, { visitedOn: '2027-01-12', notes: '' });
    expect((await audit.listForArea(areaId))[0]?.summary).toBe('The programme team visited the area on 12 January 2027.');
  });

  it('a progress review is recorded with its line in one write, and never without it', async () => {
    const plan = (areaId: string): ActionPlan => ({ areaId, objectives: [{ objectiveId: 'objective-1', text: 'Share one referral route' }], agreedAt: new Date().toISOString(), agreedBy: sam.name });
    const posted = { occasion: 'session-1', 'status-objective-1': 'under-way', 'note-objective-1': 'Going well.' };
    const { writes, outcomes } = await eachWriteFailing(
      async (areaId) => {
        const failing = failWrite;
        failWrite = 0;
        await actionPlans.save(plan(areaId));
        writesSeen = 0;
        failWrite = failing;
        return recordProgressReview(ports, areaId, posted, sam);
      },
      async (areaId) => (await progressReviews.list(areaId)).length > 0,
    );
    for (const outcome of outcomes) expect(outcome, `write ${outcome.failing} refused`).toMatchObject({ lines: outcome.stands ? 1 : 0 });
    expect(outcomes[0]).toMatchObject({ stands: true, lines: 1 });
    expect(writes).toBe(1);
  });

  it('attendance is recorded with its line in one write, and never without it', async () => {
    const started = new Date(Date.now() - 60 * 60 * 1000);
    const workshop = (number: number) => ({
      number,
      startsAt: new Date(started.getTime() + (number - 1) * 35 * 86_400_000).toISOString(),
      endsAt: new Date(started.getTime() + (number - 1) * 35 * 86_400_000 + 3 * 3_600_000).toISOString(),
      venue: { name: 'Town Hall', host: 'council' as const },
      facilitators: ['Ada Facilitator', 'Ben Facilitator'] as [string, string],
    });
    const { writes, outcomes } = await eachWriteFailing(
      async (areaId) => {
        const failing = failWrite;
        failWrite = 0;
        await workshops.saveSchedule({ areaId, workshops: [1, 2, 3, 4].map(workshop), sequence: 0 }, -1);
        writesSeen = 0;
        failWrite = failing;
        return recordAttendance(ports, areaId, sam, { workshop: '1', present: [] });
      },
      async (areaId) => (await workshops.attendance(areaId))[1] !== undefined,
    );
    for (const outcome of outcomes) expect(outcome, `write ${outcome.failing} refused`).toMatchObject({ lines: outcome.stands ? 1 : 0 });
    expect(outcomes[0]).toMatchObject({ stands: true, lines: 1 });
    expect(writes).toBe(1);
  });

  it('an agreed action plan, its line and the step done are one write; trying again after any refusal does it once', async () => {
    for (let failing = 1; failing <= 4; failing += 1) {
      const areaId = `area-${randomUUID().slice(0, 8)}`;
      const token = `token-${areaId}`;
      await staffSteps.hold(areaId, 'action-plan', token, new Date().toISOString());
      continued.length = 0;
      const agree = () => completeProgrammeStep(ports, areaId, sam, { step: 'action-plan', objectives: 'Share one referral route\nMeet every quarter' });
      writesSeen = 0;
      failWrite = failing;
      const first = await agree().then(() => 'done', () => 'refused');
      failWrite = 0;
      const lines = (await audit.listForArea(areaId)).length;
      const planStands = (await actionPlans.get(areaId)) !== undefined;
      const done = await staffSteps.isDone(areaId, 'action-plan');
      // Whatever was refused, the area has all of it or none of it.
      expect({ failing, lines, planStands }, `write ${failing} refused`).toEqual({ failing, lines: done ? 1 : 0, planStands: done });
      // Staff try again (or see it done): the step is done once, with one line, and the workflow told once.
      if (first === 'refused' || !done) await agree().catch(() => undefined);
      expect({ failing, lines: (await audit.listForArea(areaId)).length, done: await staffSteps.isDone(areaId, 'action-plan'), continued: [...continued] }).toEqual({
        failing,
        lines: 1,
        done: true,
        continued: [token],
      });
    }
  });

  describe('a consultancy slot', () => {
    const inDays = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
    const slotForm = (facilitator: string) => ({ facilitator, facilitatorEmail: 'fay@example.org', date: inDays(30), start: '10:00', end: '12:00', mode: 'online', where: 'https://meet.example/fay' });
    /** Each run's own area and facilitator: a facilitator's calendar spans every area. */
    const setUp = async (failing: number) => {
      const areaId = `area-${randomUUID().slice(0, 8)}`;
      const facilitator = `Fay ${randomUUID().slice(0, 8)}`;
      failWrite = 0;
      await areas.add(areaNamed(areaId, 'Slotton'), { areaId, at: new Date().toISOString(), entryId: randomUUID(), actor: sam, action: 'Area added', summary: 'Slotton' });
      return { areaId, facilitator, arm: () => ((writesSeen = 0), (failWrite = failing)) };
    };
    const slotLines = async (areaId: string) => (await audit.listForArea(areaId)).filter((entry) => entry.action.startsWith('Consultancy slot')).length;

    it('is published with its line in one write, and never without it', async () => {
      for (let failing = 0; failing <= 2; failing += 1) {
        const { areaId, facilitator, arm } = await setUp(failing);
        arm();
        await publishConsultancySlot(ports, areaId, slotForm(facilitator), sam).catch(() => undefined);
        const writes = writesSeen;
        failWrite = 0;
        const stands = (await consultancy.slots(areaId)).length === 1;
        expect({ failing, lines: await slotLines(areaId) }, `write ${failing} refused`).toEqual({ failing, lines: stands ? 1 : 0 });
        if (failing === 0) expect({ stands, writes }).toEqual({ stands: true, writes: 1 });
      }
    });

    /** A change of a published slot, with each of its writes refused in turn: the slot changed with its line, or neither. */
    const changeFailing = (action: string, change: (areaId: string, slot: ConsultancySlot) => Promise<unknown>, changed: (slot: ConsultancySlot, now: ConsultancySlot[]) => boolean) => async () => {
      for (let failing = 0; failing <= 2; failing += 1) {
        const { areaId, facilitator, arm } = await setUp(0);
        const slot = await publishConsultancySlot(ports, areaId, slotForm(facilitator), sam);
        arm();
        failWrite = failing;
        await change(areaId, slot).catch(() => undefined);
        const writes = writesSeen;
        failWrite = 0;
        const done = changed(slot, await consultancy.slots(areaId));
        const lines = (await audit.listForArea(areaId)).filter((entry) => entry.action === action).length;
        expect({ failing, lines }, `write ${failing} refused`).toEqual({ failing, lines: done ? 1 : 0 });
        if (failing === 0) expect({ done, writes }).toEqual({ done: true, writes: 1 });
      }
    };

    it(
      'is moved with its line in one write, and never without it',
      changeFailing(
        'Consultancy slot moved',
        (areaId, slot) => changeConsultancySlotTime(ports, areaId, slot.slotId, { date: inDays(31), start: '14:00', end: '16:00', version: '0' }, sam),
        (slot, now) => now[0]!.startsAt !== slot.startsAt,
      ),
    );

    it(
      'is removed with its line in one write, and never without it',
      changeFailing('Consultancy slot removed', (areaId, slot) => removeConsultancySlot(ports, areaId, slot.slotId, '0', sam), (_slot, now) => now.length === 0),
    );
  });

  it('a participant’s answer to the follow-up review is saved with its line in one write, and never without it', async () => {
    const review = (areaId: string) => ({ areaId, options: [{ optionId: 'a', startsAt: '2027-12-01T10:00:00.000Z', endsAt: '2027-12-01T12:30:00.000Z' }], venue: 'Town Hall', proposedBy: sam.name });
    const { writes, outcomes } = await eachWriteFailing(
      (areaId) => answerFollowUpReview(ports, { area: { areaId }, applicationId: 'PIP-7K3Q-0001', review: review(areaId), answer: undefined }, { available: ['a'], attending: '' }),
      async (areaId) => (await followUps.answer(areaId, 'PIP-7K3Q-0001')) !== undefined,
    );
    for (const outcome of outcomes) expect(outcome, `write ${outcome.failing} refused`).toMatchObject({ lines: outcome.stands ? 1 : 0 });
    expect(outcomes[0]).toMatchObject({ stands: true, lines: 1 });
    expect(writes).toBe(1);
  });

  it('a workflow resumed by staff clears its failure with its line in one write, and never without it', async () => {
    const { writes, outcomes } = await eachWriteFailing(
      async (areaId) => {
        const failing = failWrite;
        failWrite = 0;
        await areas.add(areaNamed(areaId, 'Resumeton'), { areaId, at: new Date().toISOString(), entryId: randomUUID(), actor: sam, action: 'Area added', summary: 'Resumeton' });
        await progress.save({ areaId, stage: 'preparation', history: [], failure: { step: 'preparation', error: 'The email service did not answer', at: '2027-03-01T09:00:00.000Z' } });
        writesSeen = 0;
        failWrite = failing;
        return resumeAreaWorkflow(ports, areaId, sam);
      },
      async (areaId) => (await progress.get(areaId))?.failure === undefined,
    );
    // Each area has the line of its adding, and the line of its resuming only once resumed.
    for (const outcome of outcomes) expect(outcome, `write ${outcome.failing} refused`).toMatchObject({ lines: outcome.stands ? 2 : 1 });
    expect(outcomes[0]).toMatchObject({ stands: true, lines: 2 });
    expect(writes).toBe(1);
  });
});
