import {
  ConflictError,
  changedRecruitmentWindow,
  windowChangedSummary,
  type Actor,
  type Ports,
  type RecruitmentWindow,
  type UkDateTimeInput,
} from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { retimeSavedReminders, type SavedReminderPorts } from './saved-reminders';

export interface WindowChange {
  opens: UkDateTimeInput;
  closes: UkDateTimeInput;
  /** The window as the person saw it when they started changing it. */
  seen: RecruitmentWindow;
}

const sameWindow = (a: RecruitmentWindow, b: RecruitmentWindow) => a.opensAt === b.opensAt && a.closesAt === b.closesAt;

const changedUnder = () =>
  new ConflictError(
    'Someone else changed the recruitment window while you were editing it. Nothing you sent was saved; check it and try again.',
    'closes-date',
  );

/**
 * Staff move an area's recruitment window before applications close: both dates before they open,
 * only the close once open. Applications already made stay as they are, and the area's workflow
 * follows the new close when it next looks (within the hour); reminders of saved applications move
 * with it at once. Refused once applications have closed, and when the window changed since the
 * person loaded it. Audited.
 */
export async function changeRecruitmentWindow(
  ports: Pick<Ports, 'areas' | 'clock'> & SavedReminderPorts,
  areaId: string,
  change: WindowChange,
  actor: Actor,
): Promise<'changed' | 'unchanged'> {
  const area = await ports.areas.existing(areaId);
  const window = changedRecruitmentWindow(area, change, ports.clock.now());
  if (!sameWindow(area.recruitment, change.seen)) throw changedUnder();
  if (sameWindow(area.recruitment, window)) return 'unchanged';
  const audit = auditEntry(ports.clock, areaId, actor, 'Recruitment window changed', windowChangedSummary(area, window), area.recruitment, window);
  if (!(await ports.areas.changeWindow(areaId, area.recruitment, window, audit))) throw changedUnder();
  // Reminders of saved applications follow the new closing time.
  await retimeSavedReminders(ports, { ...area, recruitment: window });
  return 'changed';
}
