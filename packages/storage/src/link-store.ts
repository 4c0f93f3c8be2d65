import { createHash } from 'node:crypto';
import { GetCommand, type DynamoDBDocumentClient, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';

export type LinkPurpose = 'withdraw' | 'reserve-offer' | 'nomination' | 'consultancy' | 'follow-up' | 'evaluation';

/** What an emailed link lets its holder do, and until when. */
export interface EmailedLink {
  purpose: LinkPurpose;
  areaId: string;
  applicationId?: string;
  expiresAt: string;
  /** Anything the page behind the link needs, such as a nomination's prefilled answers. */
  details?: Record<string, unknown>;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The Put that stores a link under the hash of its token, for the transaction that emails it. */
export function linkPut(tableName: string, token: string, link: EmailedLink): NonNullable<PutCommandInput> {
  return {
    TableName: tableName,
    Item: { ...keys.link(hashToken(token)), type: 'link', ...link },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

export class DynamoLinkStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async find(token: string): Promise<EmailedLink | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: keys.link(hashToken(token)), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { purpose, areaId, applicationId, expiresAt, details } = Item as EmailedLink;
    return { purpose, areaId, applicationId, expiresAt, details };
  }
}
