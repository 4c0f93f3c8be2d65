/**
 * The platform's own CloudWatch metrics: the functions emit them (embedded metric format) and the
 * stack's alarms and dashboard watch them, so the names are written once, here.
 */
export const METRICS_NAMESPACE = 'PartnershipImprovementProgramme';

export const platformMetrics = {
  applicationsReceived: 'ApplicationsReceived',
  emailsSent: 'EmailsSent',
  emailsFailed: 'EmailsFailed',
  bookingsMade: 'BookingsMade',
  workflowSteps: 'WorkflowSteps',
  /**
   * Seconds the oldest email still waiting in the outbox has waited since it fell due (was queued, or
   * its reminder time or next try came); 0 when none waits. Reported by every run of deliver-emails.
   */
  oldestUnsentEmailAge: 'OldestUnsentEmailAgeSeconds',
  /** The area workflow's "record failure" step could not tell staff that an area is stuck. */
  staffAlertNotSent: 'StaffAlertNotSent',
} as const;

/**
 * Every function logs and measures as this one service (POWERTOOLS_SERVICE_NAME), so each metric
 * has the single dimension `service` with this value, whichever function emitted it; the logs name
 * the function themselves.
 */
export const SERVICE_NAME = 'pip-platform';
