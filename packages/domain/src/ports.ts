import type { Application } from './application';
import type { Area } from './area';
import type { Region } from './regions';

export interface Clock {
  now(): Date;
}

/** An email waiting in the outbox. The id is derived from the event, so one event is one email. */
export interface OutboundEmail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar attachment (an invitation, update or cancellation), sent as text/calendar. */
  calendar?: { filename: string; method: 'REQUEST' | 'CANCEL'; ics: string };
  /** Held in the outbox until this instant, as a reminder is. */
  sendAfter?: string;
}

export interface AreaStore {
  get(areaId: string): Promise<Area | undefined>;
  list(): Promise<Area[]>;
}

export interface RegionStore {
  list(): Promise<Region[]>;
}

export interface ApplicationStore {
  findByApplicant(areaId: string, email: string): Promise<Application | undefined>;
  /** Stores a new application and its email together; false if the applicant already has one. */
  create(application: Application, email: OutboundEmail): Promise<boolean>;
  /** Replaces the application if it is still at `expectedVersion`, with its email; false otherwise. */
  update(application: Application, expectedVersion: number, email: OutboundEmail): Promise<boolean>;
}

/** The words of each email an applicant receives. */
export interface ApplicantEmails {
  applicationReceived(area: Area, application: Application): OutboundEmail;
  applicationUpdated(area: Area, application: Application): OutboundEmail;
}
