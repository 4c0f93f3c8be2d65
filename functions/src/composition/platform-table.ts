import { createDocumentClient } from '@pip/storage';
import { awsRegion, lazily, required, type Instrument } from './environment';

export type DocumentClient = ReturnType<typeof createDocumentClient>;

/** The platform's one table: its name, and the document client made on first use. */
export interface PlatformTable {
  name: string;
  documents: DocumentClient;
}

export function platformTable(instrument: Instrument | undefined): PlatformTable {
  return lazily<PlatformTable>({
    name: () => required('TABLE_NAME'),
    documents: () => createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: awsRegion(), ...(instrument ? { instrument } : {}) }),
  });
}
