import { PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, EvaluationResponse, EvaluationStore, EvaluationSurvey } from '@pip/domain';
import { auditPut } from './audit-store';
import { unlessLostRace } from './conditional';
import { getItem, getItems, optional, type Item } from './items';
import { keys } from './keys';
import { queryPrefix } from './query-all';

/** The evaluation survey of each area and its responses: one item per participant, so never two. */
/**
 * The writes that save a participant's response: only while the survey is open, and only over the
 * response at `expectedVersion` (0: none yet). For a transaction, alone or with what goes with it.
 */
export function responseWrites(tableName: string, response: EvaluationResponse, expectedVersion: number): NonNullable<TransactWriteCommandInput['TransactItems']> {
  return [
    {
      ConditionCheck: {
        TableName: tableName,
        Key: keys.evaluationSurvey(response.areaId),
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(closedAt)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.evaluationResponse(response.areaId, response.applicationId), type: 'evaluation', ...response },
        ...(expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
      },
    },
  ];
}

export class DynamoEvaluationStore implements EvaluationStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async survey(areaId: string): Promise<EvaluationSurvey | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.evaluationSurvey(areaId));
    return item ? toSurvey(item) : undefined;
  }

  async surveysOf(areaIds: readonly string[]): Promise<Map<string, EvaluationSurvey>> {
    const items = await getItems(this.documents, this.tableName, areaIds.map((areaId) => keys.evaluationSurvey(areaId)));
    return new Map(items.map(toSurvey).map((survey) => [survey.areaId, survey]));
  }

  /** Opens the survey once; opening it again (a retried step) changes nothing. */
  async open(survey: EvaluationSurvey): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.evaluationSurvey(survey.areaId), type: 'survey', ...survey }, ConditionExpression: 'attribute_not_exists(pk)' })),
    );
  }

  /** Closes the survey once; closing it again, or one never opened, changes nothing. */
  async close(areaId: string, at: string): Promise<void> {
    await unlessLostRace(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.evaluationSurvey(areaId),
          UpdateExpression: 'SET closedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(closedAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      ),
    );
  }

  async responses(areaId: string): Promise<EvaluationResponse[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.evaluationResponsesOfArea(areaId));
    return items.map(toResponse);
  }

  /** One participant's response, read consistently: the version their next submission builds on. */
  async response(areaId: string, applicationId: string): Promise<EvaluationResponse | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.evaluationResponse(areaId, applicationId));
    return item ? toResponse(item) : undefined;
  }

  /**
   * Saves the participant's response if it is still at `expectedVersion` (0: none yet) and the
   * survey is open. False when another submission got there first or the survey has closed.
   */
  async respond(response: EvaluationResponse, expectedVersion: number): Promise<boolean> {
    return unlessLostRace(this.documents.send(new TransactWriteCommand({ TransactItems: responseWrites(this.tableName, response, expectedVersion) })));
  }

  /**
   * Marks the comment for publication or withdraws it, with its audit entry, if the response is
   * still the one staff read: a participant changing their words first stops it. Whether or not the
   * survey is open, since staff decide what to publish after it closes too.
   */
  async markCommentPublishable(areaId: string, applicationId: string, publishable: boolean, expectedVersion: number, entry: AuditEntry): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.evaluationResponse(areaId, applicationId),
                UpdateExpression: 'SET commentPublishable = :publishable, version = :next',
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':publishable': publishable, ':next': expectedVersion + 1, ':expected': expectedVersion },
              },
            },
            { Put: auditPut(this.tableName, entry) },
          ],
        }),
      ),
    );
  }
}

function toSurvey({ areaId, openedAt, invited, closedAt }: Item): EvaluationSurvey {
  return { areaId, openedAt, invited, ...optional({ closedAt }) };
}

function toResponse({ areaId, applicationId, answers, submittedAt, version, commentPublishable }: Item): EvaluationResponse {
  return { areaId, applicationId, answers, submittedAt, version, ...optional({ commentPublishable }) };
}
