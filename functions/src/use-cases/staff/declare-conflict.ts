import { NotFoundError, parseConflictReason, type Actor, type Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

/**
 * Records a member of staff's declaration of a conflict of interest with one application, with its
 * timeline entry in the same write. Declaring again (a double click) records nothing more: the first
 * declaration and its reason stand.
 */
export async function declareConflict(
  ports: Pick<Ports, 'areas' | 'applications' | 'declaredConflicts' | 'clock'>,
  areaId: string,
  applicationId: string,
  reasonText: string,
  declarer: Required<Actor>,
): Promise<void> {
  const reason = parseConflictReason(reasonText);
  const [, application, declared] = await Promise.all([
    ports.areas.existing(areaId),
    // The name for the timeline only: the index's copy, in the same round trip as the rest.
    ports.applications.findByReferenceToShow(areaId, applicationId),
    ports.declaredConflicts.listForArea(areaId),
  ]);
  if (!application) throw new NotFoundError('Application');
  if (declared.some((conflict) => conflict.applicationId === applicationId && conflict.staffId === declarer.staffId)) return;
  const declaredAt = ports.clock.now().toISOString();
  const entry = auditEntry(
    ports.clock,
    areaId,
    declarer,
    'Conflict of interest declared',
    `${declarer.name} declared a conflict of interest with ${application.answers.fullName}'s application and will not review it: ${reason}`,
    undefined,
    { reason },
  );
  // A lost race is the same declaration landing twice at once: the first one stands.
  await ports.declaredConflicts.declare(
    { areaId, applicationId, staffId: declarer.staffId, staffName: declarer.name, reason, declaredAt },
    { ...entry, kind: 'decision', subjects: [applicationId] },
  );
}
