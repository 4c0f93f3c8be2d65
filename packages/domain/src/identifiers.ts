import { APPLICATION_REFERENCE_PATTERN } from './application';
import { regionIds } from './regions';

/** An area's id as `areaIdFrom` makes it: lower-case letters and digits in words joined by hyphens. */
const AREA_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
/** Far above any area name's id (names are up to 100 characters), far below DynamoDB's key limit. */
const LONGEST_AREA_ID = 500;

/**
 * What each identifier in the platform's addresses can look like, and what it names. An address
 * whose identifier cannot be one names nothing: it is refused before any store is asked.
 */
export const identifierShapes: Record<string, { names: string; fits: (text: string) => boolean }> = {
  areaId: { names: 'Area', fits: (text) => text.length <= LONGEST_AREA_ID && AREA_ID.test(text) },
  applicationId: { names: 'Application', fits: (text) => APPLICATION_REFERENCE_PATTERN.test(text) },
  regionId: { names: 'Region', fits: (text) => (regionIds as readonly string[]).includes(text) },
};
