import type { Partner, PartnerNomination } from '../partner';
import type { AuditEntry } from '../staff';
import type { EmailToSend, OutboundEmail } from './messages';

/** The partner behind a nomination link, and which of its links the token was. */
export interface PartnerByLink {
  partner: Partner;
  linkNumber: number;
}

/**
 * Partner organisations with their nomination links and the nominations they made. A link's token
 * is stored only as its hash; every write of a partner says which version it replaces.
 */
export interface PartnerStore {
  get(partnerId: string): Promise<Partner | undefined>;
  list(): Promise<Partner[]>;
  /** The partner a token from a nomination link belongs to, whichever of its links it was; undefined if none. */
  findByLink(token: string): Promise<PartnerByLink | undefined>;
  /**
   * Writes the partner with its newest link (found later by `token`) and the email that carries the
   * link, together, if the stored partner is still at `expectedVersion` (0: none yet); false otherwise.
   */
  issue(partner: Partner, expectedVersion: number, token: string, email: OutboundEmail): Promise<boolean>;
  /** Replaces the partner if it is still at `expectedVersion`; false otherwise. */
  save(partner: Partner, expectedVersion: number): Promise<boolean>;
  /**
   * Keeps a nomination once, with its timeline entry and its emails (each with the link it carries,
   * sent as soon as they are stored), all or none: false if the partner already put this person
   * forward for this area.
   */
  recordNomination(nomination: PartnerNomination, told: { audit: AuditEntry; emails: readonly EmailToSend[] }): Promise<boolean>;
  nominationsOf(partnerId: string): Promise<PartnerNomination[]>;
}
