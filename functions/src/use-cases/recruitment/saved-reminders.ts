import { createHash } from 'node:crypto';
import { applicantKey, savedReminderSchedule, type Area, type Ports, type SavedReminder } from '@pip/domain';
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
 * The address's reminder as the area's window calls for it, carrying the link last saved through,
 * timed from the area's closing: due, or, once its moment has passed, held so that it never goes, for a
 * window staff move later (`savedReminderSchedule`).
 */
export function savedReminderOf(ports: Pick<Ports, 'clock'>, area: Area, to: string, url: string, linkExpiresAt: string): { reminder: SavedReminder; due: boolean } {
  const { due, ...timing } = savedReminderSchedule(area, linkExpiresAt, ports.clock.now());
  const email = savedApplicationEmails.reminder(area, to, { url, expiresAt: linkExpiresAt }, savedReminderId(area.areaId, to), timing);
  return { reminder: { email, resumeUrl: url, linkExpiresAt }, due };
}

/** The address's reminder queued, or replacing the one waiting. */
async function putReminder(ports: SavedReminderPorts, area: Area, to: string, url: string, linkExpiresAt: string): Promise<{ put: boolean; due: boolean }> {
  const { reminder, due } = savedReminderOf(ports, area, to, url, linkExpiresAt);
  return { put: await ports.savedApplications.putReminder(reminder, ports.clock.now().toISOString()), due };
}

/** Queues (or replaces, while it waits) the address's reminder (`savedReminderOf`); none for an address that has applied. */
export async function remindOfSavedApplication(ports: SavedReminderPorts, area: Area, to: string, url: string, linkExpiresAt: string): Promise<void> {
  if (await ports.applications.findByApplicant(area.areaId, to)) return;
  await putReminder(ports, area, to, url, linkExpiresAt);
}

/**
 * Someone saved again through their link under another address: the reminder the old address holds
 * for this link is withdrawn, so it never goes to an address they changed away from. A reminder of the
 * old address for answers saved under another link of theirs stays.
 */
export async function withdrawReminderOfOldAddress(ports: SavedReminderPorts, areaId: string, oldAddress: string, url: string): Promise<void> {
  const id = savedReminderId(areaId, oldAddress);
  if ((await ports.savedApplications.pendingReminder(id))?.resumeUrl === url) await ports.outbox.cancel(id);
}

/**
 * After staff move the window: each saved application's reminder becomes the one the new window calls
 * for, from the link and expiry it carries: brought to its new moment (also one held because its moment
 * had passed under the old window), or held unsendable if its moment has passed under the new one; and
 * withdrawn for an address that has applied. How many are now due.
 */
export async function retimeSavedReminders(ports: SavedReminderPorts, area: Area): Promise<number> {
  const addresses = new Set((await ports.savedApplications.listForArea(area.areaId)).map((saved) => applicantKey(saved.email)));
  let due = 0;
  for (const address of addresses) {
    const id = savedReminderId(area.areaId, address);
    const waiting = await ports.savedApplications.pendingReminder(id);
    if (!waiting) continue;
    if (await ports.applications.findByApplicant(area.areaId, waiting.to)) {
      await ports.outbox.cancel(id);
      continue;
    }
    const moved = await putReminder(ports, area, waiting.to, waiting.resumeUrl, waiting.linkExpiresAt);
    if (moved.put && moved.due) due += 1;
  }
  return due;
}

/** They sent their application: whatever they saved for the area goes, and so does their reminder. */
export async function forgetSavedApplications(ports: Pick<Ports, 'savedApplications'>, areaId: string, email: string): Promise<number> {
  return ports.savedApplications.forgetApplicant(areaId, email, savedReminderId(areaId, email));
}
