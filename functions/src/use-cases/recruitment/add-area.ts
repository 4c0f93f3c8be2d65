import { ConflictError, ValidationError, areaAddedSummary, areaExistsProblem, newArea, type Actor, type Area, type NewAreaInput, type Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

/** Staff add an area with its recruitment window; refused when the answers need correcting or the area exists. */
export async function addArea(ports: Pick<Ports, 'areas' | 'clock'>, input: NewAreaInput, actor: Actor): Promise<Area> {
  const { area, problems } = newArea(input, ports.clock.now());
  if (!area) throw new ValidationError(problems);
  const audit = auditEntry(ports.clock, area.areaId, actor, 'Area added', areaAddedSummary(area), undefined, area);
  if (!(await ports.areas.add(area, audit))) {
    const { field, message } = areaExistsProblem(area);
    throw new ConflictError(message, field);
  }
  return area;
}
