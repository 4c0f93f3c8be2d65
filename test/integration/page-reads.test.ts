import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DynamoApplicationStore, DynamoEvaluationStore, DynamoReviewStore, createDocumentClient, ensureTable, keys } from '@pip/storage';
import type { Application, Review } from '@pip/domain';
import { goodAnswers } from '../support/application-answers';

/*
 * The reads a page makes to show one record, or many areas: one application by its reference in
 * one read, one application's reviews and not its area's, the surveys of many areas in one batch.
 */
const tableName = `pip-page-reads-${randomUUID().slice(0, 8)}`;
const documents = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });

beforeAll(async () => {
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });
  await ensureTable(client, tableName);
  client.destroy();
});
afterAll(() => documents.destroy());

const application = (areaId: string, applicationId: string, email: string): Application => ({
  applicationId,
  areaId,
  answers: goodAnswers(email) as unknown as Application['answers'],
  submittedAt: '2027-03-01T10:00:00.000Z',
  updatedAt: '2027-03-01T10:00:00.000Z',
  version: 1,
});

/** An application item as the store writes it; `indexed: false` leaves it off the reference index, as a write the index has not caught up with. */
async function stored(one: Application, indexed = true): Promise<void> {
  const reference = indexed ? keys.applicationReference(one.applicationId) : {};
  await documents.send(new PutCommand({ TableName: tableName, Item: { ...keys.application(one.areaId, one.answers.email), ...reference, type: 'application', ...one } }));
}

describe('one application for a page to show', () => {
  const applications = new DynamoApplicationStore(documents, tableName);

  it('is the application of that reference in that area, as a consistent read finds it, and nothing in another area', async () => {
    const ann = application('show-north', 'PIP-SHOW-0001', 'ann@example.org');
    await stored(ann);
    expect(await applications.findByReferenceToShow('show-north', 'PIP-SHOW-0001')).toEqual(await applications.findByReference('show-north', 'PIP-SHOW-0001'));
    expect(await applications.findByReferenceToShow('show-north', 'PIP-SHOW-0001')).toEqual(ann);
    expect(await applications.findByReferenceToShow('show-south', 'PIP-SHOW-0001')).toBeUndefined();
    expect(await applications.findByReferenceToShow('show-north', 'PIP-SHOW-9999')).toBeUndefined();
  });

  it('is still found when the reference index has not caught up with its write', async () => {
    const bea = application('show-north', 'PIP-SHOW-0002', 'bea@example.org');
    await stored(bea, false);
    expect(await applications.findByReference('show-north', 'PIP-SHOW-0002')).toBeUndefined();
    expect(await applications.findByReferenceToShow('show-north', 'PIP-SHOW-0002')).toEqual(bea);
  });
});

describe("one application's reviews", () => {
  it("are its own, never those of a reference that starts with the same characters", async () => {
    const reviews = new DynamoReviewStore(documents, tableName);
    const review = (applicationId: string, staffId: string): Review => ({
      areaId: 'reviews-north',
      applicationId,
      staffId,
      staffName: `Reviewer ${staffId}`,
      reviewedAt: '2027-03-02T10:00:00.000Z',
      roleFit: 3,
      partnershipExperience: 2,
      commitment: 4,
    } as Review);
    for (const one of [review('PIP-1', 'staff-a'), review('PIP-1', 'staff-b'), review('PIP-10', 'staff-a'), review('PIP-2', 'staff-a')]) {
      await documents.send(new PutCommand({ TableName: tableName, Item: { ...keys.review(one.areaId, one.applicationId, one.staffId), type: 'review', ...one } }));
    }
    const mine = await reviews.listForApplication('reviews-north', 'PIP-1');
    expect(mine.map((one) => `${one.applicationId}/${one.staffId}`)).toEqual(['PIP-1/staff-a', 'PIP-1/staff-b']);
    expect(mine).toEqual((await reviews.listForArea('reviews-north')).filter((one) => one.applicationId === 'PIP-1'));
    expect(await reviews.listForApplication('reviews-north', 'PIP-3')).toEqual([]);
  });
});

describe('the surveys of many areas', () => {
  it('gives each area its own, and leaves out the areas that have none', async () => {
    const evaluation = new DynamoEvaluationStore(documents, tableName);
    await evaluation.open({ areaId: 'survey-north', openedAt: '2027-06-01T09:00:00.000Z', invited: 12 });
    await evaluation.open({ areaId: 'survey-south', openedAt: '2027-06-02T09:00:00.000Z', invited: 10 });
    await evaluation.close('survey-south', '2027-06-30T17:00:00.000Z');
    const surveys = await evaluation.surveysOf(['survey-north', 'survey-south', 'survey-nowhere']);
    expect([...surveys.keys()].sort()).toEqual(['survey-north', 'survey-south']);
    for (const areaId of ['survey-north', 'survey-south']) expect(surveys.get(areaId)).toEqual(await evaluation.survey(areaId));
    expect((await evaluation.surveysOf([])).size).toBe(0);
  });
});
