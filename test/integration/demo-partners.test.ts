import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStaff, type RunningPlatform } from '@pip/local';
import { DynamoPartnerStore } from '@pip/storage';
import { seedDemoPartners } from '../../infra/local/src/seed-partners';
import { startTestPlatform, storesOf } from '../support/platform';

let platform: RunningPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

async function seed() {
  const stores = storesOf(platform);
  const partners = new DynamoPartnerStore(stores.documents, platform.tableName);
  try {
    return { links: await seedDemoPartners({ areas: stores.areas, partners }, localStaff[0]!, platform.url), partners: await partners.list() };
  } finally {
    stores.documents.destroy();
  }
}

describe('the demo partners', () => {
  it('are the four national bodies, each with a working nomination link, the same at every start', async () => {
    const first = await seed();
    expect(first.links.map((link) => link.organisation)).toEqual(['ACRE', 'bassac', 'Community Matters', 'NACVS']);
    for (const { url } of first.links) {
      const form = await fetch(url.replace('localhost', '127.0.0.1'));
      expect(form.status).toBe(200);
      expect(await form.text()).toContain('demo contact');
    }
    const again = await seed();
    expect(again.links).toEqual(first.links);
    expect(again.partners.map((partner) => partner.version)).toEqual([1, 1, 1, 1]);
  });
});
