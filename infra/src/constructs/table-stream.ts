import { StartingPosition, FilterCriteria, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { newRecordFilters } from '@pip/storage/table-schema';
import { Construct } from 'constructs';

/**
 * The table's stream invokes the function that acts on new records, filtered (by the patterns the
 * local platform applies too) so that only those records invoke it: an email queued to go at once is
 * sent about a second after it is stored, with no request waiting for it. A record it could not act
 * on is offered again on its own (ReportBatchItemFailures) a few times, then named in the dead-letter
 * queue; the minute's delivery sends any email still waiting either way. The mapping grants the
 * function the stream's reads (describe, shard iterator, records, list streams) and nothing more.
 */
export class TableStream extends Construct {
  constructor(scope: Construct, id: string, props: { table: ITableV2; fn: IFunction; deadLetters: Queue }) {
    super(scope, id);
    props.fn.addEventSource(
      new DynamoEventSource(props.table, {
        // From the oldest record kept: a mapping made again misses nothing, and the outbox's claim sends nothing twice.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        retryAttempts: 5,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(props.deadLetters),
        filters: Object.values(newRecordFilters).map((pattern) => FilterCriteria.filter(pattern)),
      }),
    );
  }
}
