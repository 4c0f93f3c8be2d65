import type { Announcement } from '@pip/domain';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { platformPorts } from '../composition-root';
import { observedFunction } from '../kit/observe';
import { actOnNewRecords, type NewRecord } from '../use-cases/shared/act-on-new-records';

/**
 * Invoked by the table's stream, filtered (`newRecordFilters`) to the records it acts on: emails left
 * to go as soon as stored, applications stored, and decisions' announcements. Reports by sequence number the records to offer
 * again (ReportBatchItemFailures); the local platform invokes it with the same event.
 */
export const handler = observedFunction(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const records = event.Records.flatMap((record) => newRecordOf(record) ?? []);
  const platform = platformPorts();
  const failed = await actOnNewRecords({ outboxDelivery: platform.outboxDelivery, savedApplications: platform.savedApplications, announcing: platform }, records);
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
});

/** What a stream record reports, read from its new image; a record of anything else is passed over. */
function newRecordOf({ dynamodb }: DynamoDBRecord): NewRecord | undefined {
  const image = dynamodb?.NewImage;
  const recordId = dynamodb?.SequenceNumber;
  if (!image || !recordId) return undefined;
  if (image.type?.S === 'email' && image.messageId?.S) return { recordId, kind: 'email', messageId: image.messageId.S };
  const email = image.answers?.M?.email?.S;
  if (image.type?.S === 'application' && image.areaId?.S && email) return { recordId, kind: 'application', areaId: image.areaId.S, email };
  if (image.type?.S === 'announcement' && image.announcement?.S) return { recordId, kind: 'announcement', announcement: JSON.parse(image.announcement.S) as Announcement };
  return undefined;
}
