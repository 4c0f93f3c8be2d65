import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { latestReminders, type AuditEntry, type LatestReminders, type ReminderLog, type ReminderRound } from '@pip/domain';
import { auditPut } from './audit-store';
import { unlessLostRace } from './conditional';
import type { Item } from './items';
import { keys } from './keys';
import { queryPrefix } from './query-all';

/** The rounds of reminders staff sent: one item per round, written once with its audit entry. */
export class DynamoReminderStore implements ReminderLog {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(round: ReminderRound, entry: AuditEntry): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.reminderRound(round.areaId, round.kind, round.roundId), type: 'reminder-round', ...round },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: auditPut(this.tableName, entry) },
          ],
        }),
      ),
    );
  }

  async latest(areaId: string): Promise<LatestReminders> {
    const items = await queryPrefix(this.documents, this.tableName, keys.reminderRoundsOfArea(areaId));
    return latestReminders(items.map(toRound));
  }
}

function toRound({ areaId, kind, roundId, at, by, reminded }: Item): ReminderRound {
  return { areaId, kind, roundId, at, by, reminded };
}
