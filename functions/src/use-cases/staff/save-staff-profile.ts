import { ConflictError, parseStaffConnections, sameConnections, type Actor, type Ports } from '@pip/domain';

/** What the profile form posts: the answers, and the version of the profile the page was drawn from. */
export interface StaffProfileForm {
  organisation: string;
  areaIds: readonly string[];
  note: string;
  version: number;
}

/** A second tab's save over a profile that changed since that tab read it. */
export class ProfileChangedError extends ConflictError {
  constructor() {
    super('Your profile was changed in another tab or window after you opened this page. The page now shows what was saved there: make your changes again and save.');
  }
}

/**
 * Saves a member of staff's organisation and connections over the version their page showed. The
 * same answers again (a double click, or another tab that saved the same) change nothing; a save
 * over a profile changed elsewhere is refused rather than losing the other change.
 */
export async function saveStaffProfile(ports: Pick<Ports, 'staffConnections' | 'areas' | 'clock'>, staff: Required<Actor>, form: StaffProfileForm): Promise<void> {
  const [stored, areas] = await Promise.all([ports.staffConnections.get(staff.staffId), ports.areas.list()]);
  const answers = parseStaffConnections(form, areas.map((area) => area.areaId));
  if (sameConnections(stored, answers)) return;
  const current = stored?.version ?? 0;
  if (current !== form.version) throw new ProfileChangedError();
  const saved = await ports.staffConnections.save(
    { staffId: staff.staffId, name: staff.name, ...answers, version: current + 1, changedAt: ports.clock.now().toISOString() },
    current,
  );
  if (!saved) throw new ProfileChangedError();
}
