import type { Application } from './application';
import type { Area } from './area';
import { groupOn, type AreaSelection } from './area-selection';
import type { AreaProgress, StaffStep } from './area-stages';
import type { AreaVisit, Workshop, WorkshopAttendance, WorkshopSchedule } from './workshop-schedule';

/** A member of an area's group, as the programme page names them. */
export interface GroupMember {
  applicationId: string;
  name: string;
}

/** What an area's programme page shows: where it stands, its visit, workshops, attendance and what the workflow waits for. */
export interface ProgrammeContext {
  area: Area;
  progress: AreaProgress | undefined;
  visit: AreaVisit | undefined;
  workshops: WorkshopSchedule | undefined;
  /** The step the workflow is waiting for staff at, if any. */
  waitingFor: StaffStep | undefined;
  /** Who was in the group at each workshop, by workshop number: whose attendance staff record there. */
  groups: Record<number, GroupMember[]>;
  /** Attendance as recorded, by workshop number. */
  attendance: Record<number, WorkshopAttendance>;
  /** The moment the page is drawn for, which decides the workshops that have started. */
  now: Date;
}

/**
 * Who was in the group at a workshop: as recorded with its attendance, or, before any is recorded,
 * as the selection's history says they were on the workshop's date. In the order they applied.
 */
export function groupAtWorkshop(
  workshop: Workshop,
  selection: AreaSelection | undefined,
  recorded: WorkshopAttendance | undefined,
  applications: readonly Application[],
): GroupMember[] {
  const members = recorded ? new Set(recorded.members) : selection ? groupOn(selection, workshop.startsAt) : new Set<string>();
  return applications
    .filter((application) => members.has(application.applicationId))
    .map((application) => ({ applicationId: application.applicationId, name: application.answers.fullName }));
}
