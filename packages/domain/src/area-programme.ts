import type { Area } from './area';
import type { AreaProgress, StaffStep } from './area-stages';
import type { AreaVisit, WorkshopAttendance, WorkshopSchedule } from './workshop-schedule';

/** What an area's programme page shows: where it stands, its visit, workshops, attendance and what the workflow waits for. */
export interface ProgrammeContext {
  area: Area;
  progress: AreaProgress | undefined;
  visit: AreaVisit | undefined;
  workshops: WorkshopSchedule | undefined;
  /** The step the workflow is waiting for staff at, if any. */
  waitingFor: StaffStep | undefined;
  /** The selected participants, whose attendance staff record. */
  participants: { applicationId: string; name: string }[];
  /** Attendance as recorded, by workshop number. */
  attendance: Record<number, WorkshopAttendance>;
  /** The moment the page is drawn for, which decides the workshops that have started. */
  now: Date;
}
