/** Now, as the platform sees it: the machine's time in AWS; locally, moved forward by the local clock page. */
export interface Clock {
  now(): Date;
}

/** Platform settings the use cases need; the composition root reads them from the environment. */
export interface PlatformSettings {
  /** The sender of every email, also the organiser of every calendar invitation. */
  mailFrom: string;
  /** The programme team's shared mailbox, for workflow prompts and alerts. */
  staffAlertsTo: string;
}

/** One line of the platform's log: CloudWatch in AWS, the terminal on this machine. */
export type Logger = (level: 'INFO' | 'WARN' | 'ERROR', message: string, detail?: Record<string, unknown>) => void;
