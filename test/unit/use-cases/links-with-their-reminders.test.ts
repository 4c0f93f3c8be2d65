import { describe, expect, it } from 'vitest';
import { openEvaluation } from '@pip/functions/use-cases/evaluation/open-evaluation';
import { sendBookingLinks } from '@pip/functions/use-cases/progress-reviews/send-booking-links';
import type { MemoryPorts } from '../../support/memory-ports';
import { LEEDS, approvedLeeds } from './fixtures';

const tokenIn = (text: string) => /\/(?:consultancy|evaluation)\/([\w-]{43}(?:\.[\w-]+){0,2})/u.exec(text)?.[1];

/** Every personal link in a queued email is one the platform stored: it works when followed. */
function everyLinkWorks(ports: MemoryPorts): void {
  for (const email of ports.outbox.queued()) {
    const token = tokenIn(email.text);
    if (token) expect(ports.emailedLinks.links.has(token), `${email.subject} carries a link that was never stored`).toBe(true);
  }
}

/** The first attempt stopped after queueing the first email: the outbox refused everything after it. */
function stopAfterFirstEmail(ports: MemoryPorts): () => void {
  const enqueue = ports.outbox.enqueue.bind(ports.outbox);
  let queued = 0;
  ports.outbox.enqueue = async (...args) => {
    if (queued++ >= 1) throw new Error('The request stopped here');
    return enqueue(...args);
  };
  return () => void (ports.outbox.enqueue = enqueue);
}

describe('a personal link and the reminder that carries it again', () => {
  it('are queued together: a booking run retried after stopping part-way sends no reminder whose link was never stored', async () => {
    const ports = approvedLeeds('2027-03-01T12:00:00.000Z');
    const restore = stopAfterFirstEmail(ports);
    await expect(sendBookingLinks(ports, LEEDS.areaId, 1)).rejects.toThrow('The request stopped here');
    restore();
    await sendBookingLinks(ports, LEEDS.areaId, 1);
    everyLinkWorks(ports);
  });

  it('are queued together for the evaluation too', async () => {
    const ports = approvedLeeds('2027-07-01T12:00:00.000Z');
    const restore = stopAfterFirstEmail(ports);
    await expect(openEvaluation(ports, LEEDS.areaId)).rejects.toThrow('The request stopped here');
    restore();
    await openEvaluation(ports, LEEDS.areaId);
    everyLinkWorks(ports);
  });
});
