import { createHash } from 'node:crypto';
import { UpdateCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { applicantKey, type EmailAllowance, type EmailAllowanceStore } from '@pip/domain';
import { unlessLostRace } from './conditional';
import { keys } from './keys';
import { tableSchema } from './table-schema';

/** The attribute the table's time to live reads: epoch seconds after which DynamoDB may delete the item. */
const TIME_TO_LIVE_ATTRIBUTE = tableSchema.timeToLiveAttribute;

/** Counts are kept by a hash of the address, so the table holds no list of addresses people typed into forms. */
function addressHash(address: string): string {
  return createHash('sha256').update(applicantKey(address)).digest('hex');
}

/** An Update as a transaction takes it, which an UpdateCommand takes as well. */
type CountingUpdate = NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Update']>;

/**
 * The Update that counts one email against the day's allowance, refused once the limit is counted,
 * for use inside the transaction that queues the email (or alone, by `take`).
 */
export function allowanceUpdate(tableName: string, allowance: EmailAllowance): CountingUpdate {
  return {
    TableName: tableName,
    Key: keys.emailAllowance(addressHash(allowance.address), allowance.ukDay),
    UpdateExpression: 'SET #sent = if_not_exists(#sent, :zero) + :one, #forget = :forget, #type = :type',
    ConditionExpression: 'attribute_not_exists(#sent) OR #sent < :limit',
    ExpressionAttributeNames: { '#sent': 'emailsSent', '#forget': TIME_TO_LIVE_ATTRIBUTE, '#type': 'type' },
    ExpressionAttributeValues: {
      ':zero': 0,
      ':one': 1,
      ':limit': allowance.limit,
      ':forget': Math.ceil(Date.parse(allowance.forgetAfter) / 1000),
      ':type': 'email-allowance',
    },
  };
}

const CONFLICT_TRIES = 5;

export class DynamoEmailAllowanceStore implements EmailAllowanceStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async take(allowance: EmailAllowance): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await unlessLostRace(this.documents.send(new UpdateCommand(allowanceUpdate(this.tableName, allowance))));
      } catch (error) {
        // A transaction counting against the same day holds the item for a moment: count again after it.
        if (!(error instanceof Error && error.name === 'TransactionConflictException') || attempt === CONFLICT_TRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }
}
