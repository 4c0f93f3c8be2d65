import { createHash } from 'node:crypto';
import { applicantKey, savedReminderTiming, type Area, type Ports } from '@pip/domain';
import { savedApplicationEmails } from '@pip/mail';

/**
 * The one reminder an address gets about its saved answers in an area, however many times it saved:
 * its message id is the area and a hash of the address (an email's id is a key, which an erasure
 * cannot rewrite, so it never holds the address itself).
 */
export function savedReminderId(areaId: string, email: string): string {
  const person = createHash('sha256').update(applicantKey(email)).digest('hex').slice(0, 32);
  return `application-saved-reminder-${areaId}-${person}`;
}

/** Where a saved application's link leads: the area's form, carrying on from the answers saved. */
export function savedApplicationUrl(ports: Pick<Ports, 'links'>, areaId: string, token: string): string {
  return ports.links.savedApplication(areaId, token);
}

export type SavedReminderPorts = Pick<Ports, 'savedApplications' | 'applications' | 'clock' | 'outbox'>;

/**
 * Queues (or replaces, while it waits) the address's reminder, carrying the link last saved through,
 * timed from the area's closing: none for an address that has applied, and none once its moment passed.
 */
export async function remindOfSavedApplication(ports: SavedReminderPorts, area: Area, to: string, url: string, linkExpiresAt: string): Promise<void> {
  const timing = savedReminderTiming(area, linkExpiresAt, ports.clock.now());
  if (!timing || (await ports.applications.findByApplicant(area.areaId, to))) return;
  const email = savedApplicationEmails.reminder(area, to, { url, expiresAt: linkExpiresAt }, savedReminderId(area.areaId, to), timing);
  await ports.savedApplications.putReminder({ email, resumeUrl: url, linkExpiresAt }, ports.clock.now().toISOString());
}

/**
 * After staff move the window: each waiting reminder of the area's saved applications follows the new
 * closing time (its date and its words), from the link and expiry it already carries.
 */
export async function retimeSavedReminders(ports: SavedReminderPorts, area: Area): Promise<number> {
  const addresses = new Set((await ports.savedApplications.listForArea(area.areaId)).map((saved) => applicantKey(saved.email)));
  let moved = 0;
  for (const address of addresses) {
    const waiting = await ports.savedApplications.pendingReminder(savedReminderId(area.areaId, address));
    if (!waiting) continue;
    const timing = savedReminderTiming(area, waiting.linkExpiresAt, ports.clock.now());
    const email = timing
      ? savedApplicationEmails.reminder(area, waiting.to, { url: waiting.resumeUrl, expiresAt: waiting.linkExpiresAt }, savedReminderId(area.areaId, address), timing)
      : undefined;
    if (email) {
      if (await ports.savedApplications.putReminder({ email, resumeUrl: waiting.resumeUrl, linkExpiresAt: waiting.linkExpiresAt }, ports.clock.now().toISOString())) moved += 1;
    } else {
      // Its moment has passed under the new window: withdrawn rather than sent late.
      await ports.outbox.cancel(savedReminderId(area.areaId, address));
    }
  }
  return moved;
}

/** They sent their application: whatever they saved for the area goes, and so does their reminder. */
export async function forgetSavedApplications(ports: Pick<Ports, 'savedApplications'>, areaId: string, email: string): Promise<number> {
  return ports.savedApplications.forgetApplicant(areaId, email, savedReminderId(areaId, email));
}
