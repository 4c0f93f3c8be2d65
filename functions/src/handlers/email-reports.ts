import type { SNSEvent } from 'aws-lambda';
import { parseSesNotification } from '@pip/domain';
import { platformPorts } from '../composition-root';
import { log } from '../kit/log';
import { observedFunction } from '../kit/observe';
import { recordEmailReport, type EmailReportResult } from '../use-cases/email-delivery/record-email-report';

/** Subscribed to the SES configuration set's topic: one report per record, of a delivery, bounce or complaint. */
export const handler = observedFunction(async (event: SNSEvent): Promise<Partial<Record<EmailReportResult | 'unreadable', number>>> => {
  const counts: Partial<Record<EmailReportResult | 'unreadable', number>> = {};
  for (const record of event.Records) {
    const notification = parseSesNotification(record.Sns.Message);
    const result = notification ? await recordEmailReport(platformPorts(), notification) : 'unreadable';
    if (result === 'unreadable') log('WARN', 'unreadable email report', { snsMessageId: record.Sns.MessageId });
    counts[result] = (counts[result] ?? 0) + 1;
  }
  return counts;
});
