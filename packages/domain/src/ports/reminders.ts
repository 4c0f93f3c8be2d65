import type { AuditEntry } from '../staff';
import type { LatestReminders, ReminderRound } from '../reminders';

/** The rounds of reminders staff sent for each area. */
export interface ReminderLog {
  /** Records the round with its audit entry in one write, once: false when this round is recorded already. */
  record(round: ReminderRound, entry: AuditEntry): Promise<boolean>;
  /** The latest round of each kind for the area. */
  latest(areaId: string): Promise<LatestReminders>;
}
