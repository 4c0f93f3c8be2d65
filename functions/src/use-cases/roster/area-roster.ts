import { participationRecord, rosterOf, type AreaRecords, type AreaRoster, type Ports } from '@pip/domain';

export type RosterPorts = Pick<Ports, 'areas' | 'applications' | 'selections' | 'workshops' | 'consultancy' | 'followUps' | 'evaluation' | 'unreachable' | 'clock'>;

/** Everything staff need to know about each person of an area, from one read of each store. */
export async function areaRoster(ports: RosterPorts, areaId: string): Promise<AreaRoster> {
  const area = await ports.areas.existing(areaId);
  const [applications, selection, schedule, attendance, slots, sessions, followUp, followUpAnswers, survey, responses] = await Promise.all([
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
    rows: await Promise.all(
      rosterOf(applications, selection).map(async (place) => {
        const unreachable = await ports.unreachable.find(place.application.answers.email);
        return { ...place, record: participationRecord(records, place.application.applicationId, place.status), ...(unreachable ? { unreachable } : {}) };
      }),
    ),
  };
}
