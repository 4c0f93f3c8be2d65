import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient, PutCommandInput } from '@aws-sdk/lib-dynamodb';
import type { EmailedLink, EmailedLinkStore } from '@pip/domain';
import { getItem, optional, type Item } from './items';
import { keys, personHashOf } from './keys';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The Put that stores a link under the hash of its token, for the transaction that emails it to `to`:
 * the link is found on the person index by that address, and on the retention index from when it expires.
 */
export function linkPut(tableName: string, token: string, link: EmailedLink, to: string): NonNullable<PutCommandInput> {
  const tokenHash = hashToken(token);
  return {
    TableName: tableName,
    Item: {
      ...keys.link(tokenHash),
      ...keys.personIndex(personHashOf(to), `LINK#${tokenHash}`),
      ...keys.retentionDue('emailed-links', link.expiresAt, tokenHash),
      type: 'link',
      ...link,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

export class DynamoEmailedLinkStore implements EmailedLinkStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async find(token: string): Promise<EmailedLink | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.link(hashToken(token)));
    return item ? toEmailedLink(item) : undefined;
  }
}

function toEmailedLink({ purpose, areaId, applicationId, expiresAt, details }: Item): EmailedLink {
  return { purpose, areaId, expiresAt, ...optional({ applicationId, details }) };
}
