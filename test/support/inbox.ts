import { inject } from 'vitest';
import { tableStreamsSettled } from '@pip/local';

export interface ReceivedEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { filename?: string; contentType: string; content: string }[];
  at: number;
}

/**
 * What the SES endpoint received for one address, from its GET /store, once every local platform in
 * this process has acted on what its table's stream holds: an email sent from the stream (a new
 * application's) is there when this answers, and asking costs one pass over the stream, not a sleep.
 */
export async function emailsTo(address: string, sesEndpoint = inject('sesEndpoint')): Promise<ReceivedEmail[]> {
  await tableStreamsSettled();
  const response = await fetch(`${sesEndpoint}/store`);
  const store = (await response.json()) as { emails: ReceivedEmail[] };
  return store.emails.filter((email) => email.destination.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}
