import { PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, FollowUpAnswer, FollowUpReview, FollowUpStore } from '@pip/domain';
import { auditPut } from './audit-store';
import { unlessLostRace } from './conditional';
import { getItem, optional, type Item } from './items';
import { keys } from './keys';
import { queryPrefix } from './query-all';

/** The update that confirms the review's date, once: for the store's own write and for a transaction that announces it. */
export function followUpConfirmation(tableName: string, areaId: string, optionId: string) {
  return {
    TableName: tableName,
    Key: keys.followUpReview(areaId),
    UpdateExpression: 'SET confirmedOptionId = :option',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(confirmedOptionId)',
    ExpressionAttributeValues: { ':option': optionId },
  };
}

/** The Put that proposes the follow-up review's dates, once: alone, or in the transaction that announces them. */
export function followUpProposalPut(tableName: string, review: FollowUpReview) {
  return { TableName: tableName, Item: { ...keys.followUpReview(review.areaId), type: 'follow-up', ...review }, ConditionExpression: 'attribute_not_exists(pk)' };
}

export class DynamoFollowUpStore implements FollowUpStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(areaId: string): Promise<FollowUpReview | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.followUpReview(areaId));
    return item ? toReview(item) : undefined;
  }

  /** Proposes the dates once; a second proposal (a double click) changes nothing. */
  async propose(review: FollowUpReview): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new PutCommand(followUpProposalPut(this.tableName, review)),
      ),
    );
  }

  /** Confirms one date, once. */
  async confirm(areaId: string, optionId: string): Promise<boolean> {
    return unlessLostRace(this.documents.send(new UpdateCommand(followUpConfirmation(this.tableName, areaId, optionId))));
  }

  async answers(areaId: string): Promise<FollowUpAnswer[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.followUpAnswersOfArea(areaId));
    return items.map(toAnswer);
  }

  async answer(areaId: string, applicationId: string): Promise<FollowUpAnswer | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.followUpAnswer(areaId, applicationId));
    return item ? toAnswer(item) : undefined;
  }

  /** One answer per participant: answering again replaces it. */
  async saveAnswer(areaId: string, answer: FollowUpAnswer, audit: AuditEntry): Promise<void> {
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...keys.followUpAnswer(areaId, answer.applicationId), type: 'follow-up-answer', ...answer } } },
          { Put: auditPut(this.tableName, audit) },
        ],
      }),
    );
  }
}

function toReview({ areaId, options, venue, proposedBy, confirmedOptionId }: Item): FollowUpReview {
  return { areaId, options, venue, proposedBy, ...optional({ confirmedOptionId }) };
}

function toAnswer({ applicationId, answeredDates, available, attending }: Item): FollowUpAnswer {
  // Answers stored before this was kept count as they did then: as answers to the dates.
  return { applicationId, answeredDates: answeredDates ?? true, available, ...optional({ attending }) };
}
