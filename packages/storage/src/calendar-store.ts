import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CalendarStore, EmailToSend, PersonCalendar } from '@pip/domain';
import { linkPut } from './emailed-link-store';
import { unlessLostRace } from './conditional';
import { getItem, optional, type Item } from './items';
import { keys } from './keys';
import { outboxPut } from './outbox-store';
import { queryPrefix } from './query-all';

/** Each person's calendar as last sent, one item per person and area, written with its emails. */
export class DynamoCalendarStore implements CalendarStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(areaId: string, personKey: string): Promise<PersonCalendar | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.personCalendar(areaId, personKey));
    return item ? toCalendar(item) : undefined;
  }

  async ofArea(areaId: string): Promise<PersonCalendar[]> {
    return (await queryPrefix(this.documents, this.tableName, keys.calendarsOfArea(areaId))).map(toCalendar);
  }

  async save(calendar: PersonCalendar, emails: readonly EmailToSend[], createdAt: string): Promise<boolean> {
    const before = calendar.version - 1;
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.personCalendar(calendar.areaId, calendar.personKey), type: 'person-calendar', ...calendar },
                ...(before === 0
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: '#version = :before', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':before': before } }),
              },
            },
            ...emails.flatMap(({ email, link }) => [{ Put: outboxPut(this.tableName, email, createdAt) }, ...(link ? [{ Put: linkPut(this.tableName, link.token, link.link, email.to) }] : [])]),
          ],
        }),
      ),
    );
  }
}

function toCalendar({ areaId, personKey, entries, version, recipient }: Item): PersonCalendar {
  return { areaId, personKey, entries, version, ...optional({ recipient }) };
}
