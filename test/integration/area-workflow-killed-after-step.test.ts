import { describeKilledStaffStep } from '../support/killed-staff-step';

/* Killed after the staff step's function ran, before the runner recorded that it had. */
describeKilledStaffStep(true);
