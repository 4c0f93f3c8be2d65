import { participationRecord, rosterOf, type AreaRecords, type AreaRoster, type Ports } from '@pip/domain';

export type RosterPorts = Pick<Ports, 'areas' | 'applications' | 'selections' | 'workshops' | 'consultancy' | 'followUps' | 'evaluation' | 'unreachable' | 'clock'>;

/**
 * Everything staff need to know about each person of an area, from one read of each store, all at
 * once; then one batch read of which of their addresses could not be reached.
 */
export async function areaRoster(ports: RosterPorts, areaId: string): Promise<AreaRoster> {
  const [area, applications, selection, schedule, attendance, slots, sessions, followUp, followUpAnswers, survey, responses] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.listForArea(areaId),
    ports.selections.get(areaId),
    ports.workshops.schedule(areaId),
    ports.workshops.attendance(areaId),
    ports.consultancy.slots(areaId),
    ports.consultancy.sessions(areaId),
    ports.followUps.get(areaId),
    ports.followUps.answers(areaId),
    ports.evaluation.survey(areaId),
    ports.evaluation.responses(areaId),
  ]);
  const unreachableByAddress = new Map((await ports.unreachable.findAll(applications.map((application) => application.answers.email))).map((problem) => [problem.address, problem]));
  const records: AreaRecords = {
    selection,
    schedule,
    attendance,
    slots,
    sessions,
    followUp,
    followUpAnswers,
    survey,
    evaluated: new Set(responses.map((response) => response.applicationId)),
    now: ports.clock.now(),
  };
  return {
    area,
    approved: selection?.status === 'approved',
    workshops: [...(schedule?.workshops ?? [])].sort((a, b) => a.number - b.number),
    rows: rosterOf(applications, selection).map((place) => {
      const unreachable = unreachableByAddress.get(place.application.answers.email.toLowerCase());
      return { ...place, record: participationRecord(records, place.application.applicationId, place.status), ...(unreachable ? { unreachable } : {}) };
    }),
  };
}
