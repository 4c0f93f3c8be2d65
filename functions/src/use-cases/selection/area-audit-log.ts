import { applicantLabel, type Area, type AuditEntry, type Ports } from '@pip/domain';

/** An area's audit log, with the way it names each applicant it refers to by reference. */
export async function areaAuditLog(
  ports: Pick<Ports, 'areas' | 'audit' | 'applications'>,
  areaId: string,
): Promise<{ area: Area; entries: AuditEntry[]; nameOf: (applicationId: string) => string }> {
  const area = await ports.areas.existing(areaId);
  const [entries, applications] = await Promise.all([ports.audit.listForArea(area.areaId), ports.applications.listForArea(area.areaId)]);
  const names = new Map(applications.map((application) => [application.applicationId, applicantLabel(application)]));
  return { area, entries, nameOf: (applicationId) => names.get(applicationId) ?? applicationId };
}
