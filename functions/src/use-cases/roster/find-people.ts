import { matchesPerson, personSearchTerm, rosterStatus, type PersonFound, type Ports } from '@pip/domain';

/** Everyone, in every area, whose name or email address contains what staff typed, by name then area. */
export async function findPeople(ports: Pick<Ports, 'areas' | 'applications' | 'selections'>, typed: string): Promise<PersonFound[]> {
  const term = personSearchTerm(typed);
  const areas = await ports.areas.list();
  const found = await Promise.all(
    areas.map(async (area) => {
      const applications = (await ports.applications.listForArea(area.areaId)).filter((application) => matchesPerson(application, term));
      if (applications.length === 0) return [];
      const selection = await ports.selections.get(area.areaId);
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
