import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Actor, PersonErasure, PersonRecord, PersonRecords, RemovalCounts } from '@pip/domain';
import { erasePerson } from './person-records/person-erasure';
import { gather } from './person-records/person-record-reads';
import type { PersonTable } from './person-records/person-table';
import { pseudonymiseApplication } from './person-records/pseudonymise';

export { pseudonymOf } from './person-records/person-names';
export { removalKinds, type RemovalKind } from './person-records/removal-tally';

/**
 * Everything the table holds about a person, found by their address: their application in each
 * area (the application item is the hub, and every area record names them by its reference), and
 * on the person index (`gsi2`) the emails sent to or about them, their links, nominations and
 * delivery problems. Reading gathers it for their export; erasing replaces them by a pseudonym
 * everywhere, keeping every figure the programme reports. The work is done by the parts in
 * `person-records/`; this class is the port the composition root loads.
 */
export class DynamoPersonRecordsStore implements PersonRecords {
  private readonly table: PersonTable;

  /**
   * `teamAddresses`: the programme team's own mailboxes, whose alerts may name a person (an email
   * that did not reach them), searched for mentions as the other people of an area are.
   */
  constructor(documents: DynamoDBDocumentClient, tableName: string, options: { teamAddresses?: () => readonly string[] } = {}) {
    this.table = { documents, tableName, teamAddresses: options.teamAddresses };
  }

  gather(email: string): Promise<PersonRecord> {
    return gather(this.table, email);
  }

  pseudonymiseApplication(areaId: string, applicationId: string, by: Actor, at: string): Promise<RemovalCounts> {
    return pseudonymiseApplication(this.table, areaId, applicationId, by, at);
  }

  erasePerson(email: string, by: Actor, at: string): Promise<PersonErasure> {
    return erasePerson(this.table, email, by, at);
  }
}
