import { inject } from 'vitest';

export interface ReceivedEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { filename?: string; contentType: string; content: string }[];
  at: number;
}

/** What the SES endpoint received for one address, from its GET /store. */
export async function emailsTo(address: string, sesEndpoint = inject('sesEndpoint')): Promise<ReceivedEmail[]> {
  const response = await fetch(`${sesEndpoint}/store`);
  const store = (await response.json()) as { emails: ReceivedEmail[] };
  return store.emails.filter((email) => email.destination.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}
