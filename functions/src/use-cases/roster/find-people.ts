import { matchesPerson, personSearchTerm, rosterStatus, type PersonFound, type Ports } from '@pip/domain';

/** Everyone, in every area, whose name or email address contains what staff typed, by name then area. */
export async function findPeople(ports: Pick<Ports, 'areas' | 'applications' | 'selections'>, typed: string): Promise<PersonFound[]> {
  const term = personSearchTerm(typed);
  const areas = await ports.areas.list();
  const found = await Promise.all(
    areas.map(async (area) => {
      // The selection is read beside the applications (one round trip), though an area with no match did not need it.
      const [all, selection] = await Promise.all([ports.applications.listForArea(area.areaId), ports.selections.get(area.areaId)]);
      const applications = all.filter((application) => matchesPerson(application, term));
      return applications.map((application) => ({ area, application, status: rosterStatus(selection, application.applicationId) }));
    }),
  );
  return found
    .flat()
    .sort(
      (a, b) =>
        a.application.answers.fullName.localeCompare(b.application.answers.fullName, 'en-GB') || a.area.name.localeCompare(b.area.name, 'en-GB'),
    );
}
