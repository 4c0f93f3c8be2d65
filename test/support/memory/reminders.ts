import { latestReminders, type AuditEntry, type LatestReminders, type ReminderLog, type ReminderRound } from '@pip/domain';
import type { MemoryAudit } from './areas';
import { Rows, key } from './rows';

/** Rounds of reminders by area, kind and round id, each written once with its audit entry. */
export class MemoryReminders implements ReminderLog {
  readonly rounds = new Rows<ReminderRound>();

  constructor(private readonly audit: MemoryAudit) {}

  async record(round: ReminderRound, entry: AuditEntry): Promise<boolean> {
    const roundKey = key(round.areaId, round.kind, round.roundId);
    if (this.rounds.has(roundKey) || this.audit.holds(entry)) return false;
    this.rounds.write(roundKey, round);
    await this.audit.record(entry);
    return true;
  }

  async latest(areaId: string): Promise<LatestReminders> {
    return latestReminders(this.rounds.listUnder(areaId));
  }
}
