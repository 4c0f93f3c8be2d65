import { applicantKey, type AuditEntry, type EmailToSend, type OutboundEmail, type Partner, type PartnerByLink, type PartnerNomination, type PartnerStore } from '@pip/domain';
import { MemoryAudit } from './areas';
import { MemoryOutbox } from './messages';
import { Rows, inKeyOrder, key } from './rows';

/**
 * Partners by id, their links by token (the table keeps only the token's hash), and their
 * nominations; a partner's new link is written with its email in the outbox, or not at all.
 */
export class MemoryPartners implements PartnerStore {
  readonly byId = new Rows<Partner>();
  readonly links = new Rows<{ partnerId: string; linkNumber: number }>();
  readonly nominations = new Rows<PartnerNomination>();

  constructor(
    private readonly outbox = new MemoryOutbox(),
    private readonly audit = new MemoryAudit(),
  ) {}

  async get(partnerId: string): Promise<Partner | undefined> {
    return this.byId.read(partnerId);
  }

  async list(): Promise<Partner[]> {
    return [...this.byId.values()].map((partner) => structuredClone(partner)).sort((a, b) => inKeyOrder(a.organisation, b.organisation));
  }

  async findByLink(token: string): Promise<PartnerByLink | undefined> {
    const link = this.links.read(token);
    const partner = link && this.byId.read(link.partnerId);
    return partner && { partner, linkNumber: link.linkNumber };
  }

  async issue(partner: Partner, expectedVersion: number, token: string, email: OutboundEmail): Promise<boolean> {
    const issued = partner.links.at(-1);
    if (!issued || !this.atVersion(partner.partnerId, expectedVersion) || this.links.has(token) || this.outbox.holds(email.messageId)) return false;
    await this.outbox.enqueue(email, issued.issuedAt);
    this.links.write(token, { partnerId: partner.partnerId, linkNumber: issued.number });
    this.byId.write(partner.partnerId, partner);
    return true;
  }

  async save(partner: Partner, expectedVersion: number): Promise<boolean> {
    if (!this.atVersion(partner.partnerId, expectedVersion)) return false;
    this.byId.write(partner.partnerId, partner);
    return true;
  }

  async recordNomination(nomination: PartnerNomination, told: { audit: AuditEntry; emails: readonly EmailToSend[] }): Promise<boolean> {
    const nominationKey = key(nomination.partnerId, nomination.areaId, applicantKey(nomination.candidateEmail));
    if (this.nominations.has(nominationKey) || this.audit.holds(told.audit) || told.emails.some(({ email }) => this.outbox.holds(email.messageId))) return false;
    for (const { email, link } of told.emails) await this.outbox.enqueue(email, nomination.nominatedAt, link);
    await this.audit.record(told.audit);
    return this.nominations.add(nominationKey, nomination);
  }

  async nominationsOf(partnerId: string): Promise<PartnerNomination[]> {
    return this.nominations.listUnder(partnerId);
  }

  private atVersion(partnerId: string, expectedVersion: number): boolean {
    return (this.byId.get(partnerId)?.version ?? 0) === expectedVersion;
  }
}
