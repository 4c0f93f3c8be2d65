import { applicantKey, type OutboundEmail, type Partner, type PartnerByLink, type PartnerNomination, type PartnerStore } from '@pip/domain';
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

  constructor(private readonly outbox = new MemoryOutbox()) {}

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

  async recordNomination(nomination: PartnerNomination): Promise<boolean> {
    return this.nominations.add(key(nomination.partnerId, nomination.areaId, applicantKey(nomination.candidateEmail)), nomination);
  }

  async nominationsOf(partnerId: string): Promise<PartnerNomination[]> {
    return this.nominations.listUnder(partnerId);
  }

  private atVersion(partnerId: string, expectedVersion: number): boolean {
    return (this.byId.get(partnerId)?.version ?? 0) === expectedVersion;
  }
}
