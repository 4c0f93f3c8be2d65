import { createHash } from 'node:crypto';
import {
  applicantKey,
  type Actor,
  type AreaErasure,
  type HeldApplication,
  type PersonErasure,
  type PersonRecord,
  type PersonRecords,
  type RemovalCounts,
} from '@pip/domain';
import type { MemoryApplications, MemoryReviews, MemorySelections } from './applications';
import type { MemoryAreas, MemoryAudit } from './areas';
import type { MemoryEvaluation } from './evaluation';
import type { MemoryEmailedLinks, MemoryOutbox, MemoryUnreachableAddresses } from './messages';
import type { MemoryPartners } from './partners';
import { key } from './rows';

/** The pseudonym the table's store gives an application's person: the same rule, so tests read the same names. */
export function memoryPseudonymOf(applicationId: string): { name: string; email: string } {
  const short = createHash('sha256').update(applicationId).digest('hex').slice(0, 8).toUpperCase();
  return { name: `Person ${short}`, email: `person-${short.toLowerCase()}@erased.invalid` };
}

interface Stores {
  areas: MemoryAreas;
  applications: MemoryApplications;
  reviews: MemoryReviews;
  selections: MemorySelections;
  evaluation: MemoryEvaluation;
  audit: MemoryAudit;
  outbox: MemoryOutbox;
  emailedLinks: MemoryEmailedLinks;
  partners: MemoryPartners;
  unreachable: MemoryUnreachableAddresses;
}

/**
 * A person's records across the memory stores, as the table's store finds and erases them, in
 * outline: their applications (by address, in every area), reviews, selection, evaluation, emails to
 * them, links of their applications, nominations, delivery problems and audit entries naming them.
 */
export class MemoryPersonRecords implements PersonRecords {
  /** Every call of `erasePerson`, in order. */
  readonly erasures: { email: string; by: Actor; at: string }[] = [];

  constructor(private readonly stores: Stores) {}

  async gather(email: string): Promise<PersonRecord> {
    const address = applicantKey(email);
    const applications: HeldApplication[] = [];
    for (const area of await this.stores.areas.list()) {
      const application = await this.stores.applications.findByApplicant(area.areaId, address);
      if (!application) continue;
      const id = application.applicationId;
      const name = application.answers.fullName;
      const outcome = (await this.stores.selections.get(area.areaId))?.outcomes?.[id];
      const evaluation = await this.stores.evaluation.response(area.areaId, id);
      applications.push({
        area: { areaId: area.areaId, name: area.name },
        application,
        pseudonym: memoryPseudonymOf(id).name,
        reviews: (await this.stores.reviews.listForArea(area.areaId)).filter((review) => review.applicationId === id),
        ...(outcome ? { selection: { status: 'approved', selected: outcome.kind === 'selected', lead: false, outcome, offered: false, withdrawn: false, declined: false, membership: [] } } : {}),
        bookings: [],
        attendance: [],
        ...(evaluation ? { evaluation } : {}),
        reminders: [],
        audit: (await this.stores.audit.listForArea(area.areaId)).filter((entry) => entry.subjects?.includes(id) || entry.summary.includes(name)),
      });
    }
    const ids = new Set(applications.map((held) => held.application.applicationId));
    return {
      email,
      addresses: [address],
      applications,
      emails: this.stores.outbox.emails
        .filter((stored) => applicantKey(stored.to) === address || (stored.about !== undefined && applicantKey(stored.about) === address))
        .map(({ messageId, to, subject, text, status, createdAt }) => ({ messageId, to, subject, text, status, createdAt })),
      links: [...this.stores.emailedLinks.links.values()].filter((link) => link.applicationId !== undefined && ids.has(link.applicationId)),
      nominations: [...this.stores.partners.nominations.values()].filter((nomination) => applicantKey(nomination.candidateEmail) === address),
      unreachable: [...this.stores.unreachable.byAddress.values()].filter((problem) => problem.address === address),
    };
  }

  async pseudonymiseApplication(areaId: string, applicationId: string, _by: Actor, at: string): Promise<RemovalCounts> {
    const application = await this.stores.applications.findByReference(areaId, applicationId);
    if (!application || application.answers.email.endsWith('@erased.invalid')) return {};
    const pseudonym = memoryPseudonymOf(applicationId);
    const counts: Record<string, number> = { application: 1 };
    const count = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
    for (const [rowKey, review] of this.stores.reviews.byReviewer) {
      if (review.applicationId !== applicationId || review.note === undefined) continue;
      const { note: _note, ...kept } = review;
      this.stores.reviews.byReviewer.write(rowKey, kept);
      count('reviewNote');
    }
    const response = this.stores.evaluation.responsesByArea.get(key(areaId, applicationId));
    if (response?.answers.comments !== undefined) {
      const { comments: _comments, ...answers } = response.answers;
      const { commentPublishable: _publishable, ...kept } = response;
      this.stores.evaluation.responsesByArea.write(key(areaId, applicationId), { ...kept, answers });
      count('evaluationComment');
    }
    for (const email of this.stores.outbox.emails) {
      if (applicantKey(email.to) !== applicantKey(application.answers.email)) continue;
      if (email.status === 'pending') (email.status = 'cancelled'), count('emailCancelled');
      Object.assign(email, { to: pseudonym.email, subject: 'Removed at the person’s request', text: '', html: '' });
      delete email.calendar;
      count('email');
    }
    for (const [token, link] of this.stores.emailedLinks.links) {
      if (link.applicationId === applicationId) this.stores.emailedLinks.links.delete(token), count('link');
    }
    this.stores.applications.byApplicant.delete(key(areaId, applicantKey(application.answers.email)));
    const { sector, roleLevel, organisationKind, canAttendWorkshops, privacyConsent } = application.answers;
    this.stores.applications.byApplicant.write(key(areaId, pseudonym.email), {
      ...application,
      answers: { sector, roleLevel, canAttendWorkshops, privacyConsent, ...(organisationKind ? { organisationKind } : {}), fullName: pseudonym.name, email: pseudonym.email, organisation: '(removed)', jobTitle: '(removed)', partnershipExperience: '(removed)', programmeHopes: '(removed)' },
      updatedAt: at,
    });
    return counts;
  }

  async erasePerson(email: string, by: Actor, at: string): Promise<PersonErasure> {
    this.erasures.push({ email, by, at });
    const address = applicantKey(email);
    const areas: AreaErasure[] = [];
    for (const area of await this.stores.areas.list()) {
      const application = await this.stores.applications.findByApplicant(area.areaId, address);
      if (!application) continue;
      const counts = await this.pseudonymiseApplication(area.areaId, application.applicationId, by, at);
      areas.push({ areaId: area.areaId, applicationId: application.applicationId, pseudonym: memoryPseudonymOf(application.applicationId).name, counts });
    }
    for (const [rowKey, nomination] of this.stores.partners.nominations) {
      if (applicantKey(nomination.candidateEmail) !== address) continue;
      this.stores.partners.nominations.delete(rowKey);
      const erased = areas.find((area) => area.areaId === nomination.areaId);
      if (erased) erased.counts = { ...erased.counts, nomination: (erased.counts.nomination ?? 0) + 1 };
      else areas.push({ areaId: nomination.areaId, pseudonym: 'Person NOMINEE', counts: { nomination: 1 } });
    }
    const unreachable = this.stores.unreachable.byAddress.delete(address);
    return { areas, elsewhere: unreachable ? { unreachable: 1 } : {} };
  }
}
