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
  /** Seconds since the oldest email still waiting in the outbox was queued; 0 when none waits. */
  oldestUnsentEmailAge: 'OldestUnsentEmailAgeSeconds',
  /** The area workflow's "record failure" step could not tell staff that an area is stuck. */
  staffAlertNotSent: 'StaffAlertNotSent',
} as const;

/** The one dimension every metric carries: which deployment emitted it. */
export const SERVICE_DIMENSION = 'service';
