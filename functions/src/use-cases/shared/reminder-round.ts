import { ConflictError, reminderActions, reminderField, reminderRoundId, type Actor, type EmailToSend, type Ports, type Recipient, type ReminderKind, type ReminderRound } from '@pip/domain';
import { auditEntry } from './audit-entry';
import { queueEmails, type SendPorts } from './send-emails';

export type ReminderRoundPorts = SendPorts & Pick<Ports, 'reminders'>;

/** The people a round would remind, refused with `nobody` when there are none: the confirmation page never offers to email nobody. */
export function someoneToRemind<T extends Recipient>(recipients: T[], kind: ReminderKind, nobody: string): T[] {
  if (recipients.length === 0) throw new ConflictError(nobody, reminderField(kind));
  return recipients;
}

/**
 * Sends one round of reminders from a confirmation page: one email each, with their own link, to
 * those who have not answered, then the round with its audit entry. The round's id (from the
 * confirmation form) is in every message id, so the same confirmation posted again (a double
 * click, a retry after a failure) queues no second email and records no second round; emails go
 * first so that a failure between the two leaves nothing unsent on the retry.
 */
export async function sendReminderRound(
  ports: ReminderRoundPorts,
  round: { areaId: string; kind: ReminderKind; roundId: string },
  recipients: readonly Recipient[],
  emailTo: (to: Recipient, roundId: string) => EmailToSend,
  actor: Actor,
): Promise<ReminderRound> {
  const roundId = reminderRoundId(round.roundId, round.kind);
  someoneToRemind([...recipients], round.kind, 'Everyone has answered, so there is nobody to remind.');
  await queueEmails(
    ports,
    recipients.map((to) => emailTo(to, roundId)),
  );
  const reminded = recipients.map((to) => to.name);
  const sent: ReminderRound = { areaId: round.areaId, kind: round.kind, roundId, at: ports.clock.now().toISOString(), by: actor.name, reminded };
  const summary = `Reminded ${String(reminded.length)} ${reminded.length === 1 ? 'person' : 'people'}: ${reminded.join(', ')}.`;
  await ports.reminders.record(sent, auditEntry(ports.clock, round.areaId, actor, reminderActions[round.kind], summary, undefined, { reminded }));
  return sent;
}
