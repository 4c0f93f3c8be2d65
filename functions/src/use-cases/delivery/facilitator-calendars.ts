import { facilitatorClashes, facilitatorKey, hasStarted, type FacilitatorCalendar, type FieldError, type Ports, type Workshop } from '@pip/domain';

export type FacilitatorCalendarPorts = Pick<Ports, 'areas' | 'consultancy' | 'workshops' | 'clock'>;

/** Each facilitator's calendar (consultancy slots and workshops, every area) and its version, by `facilitatorKey`. */
export async function facilitatorCalendars(
  ports: Pick<Ports, 'consultancy' | 'workshops'>,
  names: readonly string[],
): Promise<Map<string, FacilitatorCalendar & { version: number }>> {
  const keys = [...new Set(names.filter((name) => name.trim() !== '').map(facilitatorKey))];
  const calendars = await Promise.all(
    keys.map(async (key) => {
      const [{ slots, version }, workshops] = await Promise.all([ports.consultancy.facilitatorSlots(key), ports.workshops.facilitatorWorkshops(key)]);
      return [key, { slots, workshops, version }] as const;
    }),
  );
  return new Map(calendars);
}

/** The names of the areas a calendar mentions, so that a clash names the other area as staff know it. */
export async function areaNamesOf(ports: Pick<Ports, 'areas'>, calendars: Iterable<FacilitatorCalendar>): Promise<Record<string, string>> {
  const areaIds = new Set([...calendars].flatMap((calendar) => [...calendar.slots, ...calendar.workshops].map((entry) => entry.areaId)));
  const areas = await Promise.all([...areaIds].map((areaId) => ports.areas.get(areaId)));
  return Object.fromEntries(areas.filter((area) => area !== undefined).map((area) => [area.areaId, area.name]));
}

/**
 * The facilitators of the area's workshops still to come who are booked elsewhere on that UK day,
 * as field errors at each workshop's facilitators; with the version of each calendar read, which a
 * schedule saved on this check must still find (so a slot published meanwhile is not missed).
 */
export async function workshopFacilitatorCheck(
  ports: FacilitatorCalendarPorts,
  areaId: string,
  workshops: readonly Workshop[],
): Promise<{ errors: FieldError[]; calendarVersions: Record<string, number> }> {
  const now = ports.clock.now();
  const calendars = await facilitatorCalendars(ports, workshops.filter((workshop) => !hasStarted(workshop, now)).flatMap((workshop) => workshop.facilitators));
  return {
    errors: await clashesIn(ports, areaId, workshops, calendars, now),
    calendarVersions: Object.fromEntries([...calendars].map(([key, calendar]) => [key, calendar.version])),
  };
}

/**
 * The clashes of the workshops with the facilitators' calendars read already (`facilitatorCalendars`,
 * of at least the workshops' facilitators).
 */
export async function clashesIn(
  ports: Pick<Ports, 'areas'>,
  areaId: string,
  workshops: readonly Workshop[],
  calendars: ReadonlyMap<string, FacilitatorCalendar>,
  now: Date,
): Promise<FieldError[]> {
  return wordedWithAreaNames(ports, calendars.values(), (areaNames) => facilitatorClashes(areaId, workshops, (key) => calendars.get(key) ?? { slots: [], workshops: [] }, areaNames, now));
}

/** A check's findings, worded with the names of the other areas the calendars mention: read only when there is something to word. */
export async function wordedWithAreaNames<T>(ports: Pick<Ports, 'areas'>, calendars: Iterable<FacilitatorCalendar>, check: (areaNames: Record<string, string>) => T[]): Promise<T[]> {
  const found = check({});
  return found.length > 0 ? check(await areaNamesOf(ports, calendars)) : found;
}
