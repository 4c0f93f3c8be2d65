import { describeKilledStaffStep } from '../support/killed-staff-step';

/* Killed after the staff step's token was saved, before the step's function ran. */
describeKilledStaffStep(false);
