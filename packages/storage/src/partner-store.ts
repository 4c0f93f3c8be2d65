import { PutCommand, TransactWriteCommand, type DynamoDBDocumentClient, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { partnerNamedBy, retentionDueAt, retentionRule, type AuditEntry, type EmailToSend, type OutboundEmail, type Partner, type PartnerByLink, type PartnerNomination, type PartnerStore } from '@pip/domain';
import { unlessLostRace } from './conditional';
import { auditPut } from './audit-store';
import { hashToken, linkPut } from './emailed-link-store';
import { getItem, optional, type Item } from './items';
import { keys, lists, personHashOf } from './keys';
import { outboxPut } from './outbox-store';
import { queryAll, queryPrefix } from './query-all';

/**
 * Partner organisations, each one item with every link it was issued; a link's token is found
 * through an item under the token's hash, which names the partner and the link. Nominations sit
 * in the partner's partition, one per person and area.
 */
export class DynamoPartnerStore implements PartnerStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(partnerId: string): Promise<Partner | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.partner(partnerId));
    return item ? toPartner(item) : undefined;
  }

  async list(): Promise<Partner[]> {
    const items = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list',
      ExpressionAttributeValues: { ':list': lists.partners },
    });
    return items.map(toPartner);
  }

  /** A token that names its partner has both read side by side; one of a secret alone, the link and then its partner. */
  async findByLink(token: string): Promise<PartnerByLink | undefined> {
    const named = partnerNamedBy(token);
    const [link, partnerNamed] = await Promise.all([getItem(this.documents, this.tableName, keys.partnerLink(hashToken(token))), named ? this.get(named) : undefined]);
    if (!link) return undefined;
    const partner = named === link.partnerId ? partnerNamed : await this.get(String(link.partnerId));
    return partner && { partner, linkNumber: Number(link.linkNumber) };
  }

  /** The partner, its new link and the email carrying it are one transaction: none is stored without the others. */
  async issue(partner: Partner, expectedVersion: number, token: string, email: OutboundEmail): Promise<boolean> {
    const issued = partner.links.at(-1);
    if (!issued) throw new Error('A partner is issued with a new link');
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: this.partnerPut(partner, expectedVersion) },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.partnerLink(hashToken(token)), type: 'partner-link', partnerId: partner.partnerId, linkNumber: issued.number },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: outboxPut(this.tableName, email, issued.issuedAt) },
          ],
        }),
      ),
    );
  }

  save(partner: Partner, expectedVersion: number): Promise<boolean> {
    return unlessLostRace(this.documents.send(new PutCommand(this.partnerPut(partner, expectedVersion))));
  }

  /**
   * The nomination is on the person index by the candidate's address, and on the retention index at the
   * earliest it can be due (its period counted from the moment it was made, which is before applications
   * close): the retention pass, reading the area's window then, moves it to its due date.
   */
  /** The nomination, its timeline entry, its emails and the link the candidate's carries: one transaction, the emails sent from the table's stream. */
  recordNomination(nomination: PartnerNomination, told: { audit: AuditEntry; emails: readonly EmailToSend[] }): Promise<boolean> {
    const personHash = personHashOf(nomination.candidateEmail);
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.partnerNomination(nomination.partnerId, nomination.areaId, nomination.candidateEmail),
                  ...keys.personIndex(personHash, `NOMINATION#${nomination.partnerId}#${nomination.areaId}`),
                  ...keys.retentionDue(
                    'nominations-not-taken-up',
                    retentionDueAt(retentionRule('nominations-not-taken-up'), nomination.nominatedAt),
                    `${nomination.partnerId}#${nomination.areaId}#${personHash}`,
                  ),
                  type: 'partner-nomination',
                  ...nomination,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: auditPut(this.tableName, told.audit) },
            ...told.emails.flatMap(({ email, link }) => [
              { Put: outboxPut(this.tableName, email, nomination.nominatedAt) },
              ...(link ? [{ Put: linkPut(this.tableName, link.token, link.link, email.to) }] : []),
            ]),
          ],
        }),
      ),
    );
  }

  async nominationsOf(partnerId: string): Promise<PartnerNomination[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.nominationsOfPartner(partnerId));
    return items.map(toPartnerNomination);
  }

  private partnerPut(partner: Partner, expectedVersion: number): NonNullable<PutCommandInput> {
    return {
      TableName: this.tableName,
      Item: { ...keys.partner(partner.partnerId), ...keys.partnerList(partner.organisation), type: 'partner', ...partner },
      ...(expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
    };
  }
}

function toPartner({ partnerId, organisation, kind, areaIds, regionId, contactName, contactEmail, links, version }: Item): Partner {
  return { partnerId, organisation, kind, contactName, contactEmail, links, version, ...optional({ areaIds, regionId }) };
}

function toPartnerNomination(item: Item): PartnerNomination {
  const { partnerId, areaId, candidateName, candidateEmail, candidateOrganisation, candidateJobTitle, reason, nominatedAt } = item;
  return { partnerId, areaId, candidateName, candidateEmail, candidateOrganisation, reason, nominatedAt, ...optional({ candidateJobTitle }) };
}
