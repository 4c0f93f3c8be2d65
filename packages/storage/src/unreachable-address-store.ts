import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { retentionDueAt, retentionRule, type UnreachableAddress, type UnreachableAddresses } from '@pip/domain';
import { getItem, getItems, type Item } from './items';
import { keys, personHashOf } from './keys';

/**
 * Addresses the platform could not reach, one item each, holding the latest problem. Each is on the
 * person index by the hash of its address, and on the retention index from its latest problem.
 */
export class DynamoUnreachableAddressStore implements UnreachableAddresses {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async find(address: string): Promise<UnreachableAddress | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.unreachableAddress(address.toLowerCase()));
    return item ? toUnreachable(item) : undefined;
  }

  async findAll(addresses: readonly string[]): Promise<UnreachableAddress[]> {
    const items = await getItems(this.documents, this.tableName, addresses.map((address) => keys.unreachableAddress(address.toLowerCase())));
    return items.map(toUnreachable);
  }

  async record(problem: UnreachableAddress): Promise<void> {
    const address = problem.address.toLowerCase();
    const addressHash = personHashOf(address);
    const person = keys.personIndex(addressHash, 'UNREACHABLE');
    const due = keys.retentionDue('unreachable-addresses', retentionDueAt(retentionRule('unreachable-addresses'), problem.at), addressHash);
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.unreachableAddress(address),
        // Once suppressed, always suppressed: a later transient problem does not lift it.
        UpdateExpression:
          'SET #type = :type, address = :address, problem = :problem, reason = :reason, #at = :at, messageId = :messageId, subject = :subject, ' +
          'gsi2pk = :personPk, gsi2sk = :personSk, gsi3pk = :duePk, gsi3sk = :dueSk, ' +
          (problem.suppressed ? 'suppressed = :yes' : 'suppressed = if_not_exists(suppressed, :no)'),
        ExpressionAttributeNames: { '#type': 'type', '#at': 'at' },
        ExpressionAttributeValues: {
          ':type': 'unreachable-address',
          ':address': address,
          ':problem': problem.problem,
          ':reason': problem.reason.slice(0, 500),
          ':at': problem.at,
          ':messageId': problem.messageId,
          ':subject': problem.subject,
          ':personPk': person.gsi2pk,
          ':personSk': person.gsi2sk,
          ':duePk': due.gsi3pk,
          ':dueSk': due.gsi3sk,
          ...(problem.suppressed ? { ':yes': true } : { ':no': false }),
        },
      }),
    );
  }
}

function toUnreachable({ address, problem, suppressed, reason, at, messageId, subject }: Item): UnreachableAddress {
  return { address, problem, suppressed: suppressed === true, reason, at, messageId, subject };
}
