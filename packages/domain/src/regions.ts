import { NotFoundError } from './errors';

/** The nine English regions the programme is delivered across, in delivery-plan order. */
export const regions = [
  { regionId: 'north-east', name: 'North East' },
  { regionId: 'north-west', name: 'North West' },
  { regionId: 'yorkshire-and-the-humber', name: 'Yorkshire and the Humber' },
  { regionId: 'east-midlands', name: 'East Midlands' },
  { regionId: 'west-midlands', name: 'West Midlands' },
  { regionId: 'east-of-england', name: 'East of England' },
  { regionId: 'london', name: 'London' },
  { regionId: 'south-east', name: 'South East' },
  { regionId: 'south-west', name: 'South West' },
] as const;

export type Region = (typeof regions)[number];
export type RegionId = Region['regionId'];

export const regionIds = regions.map((region) => region.regionId) as [RegionId, ...RegionId[]];

export function regionName(regionId: RegionId): string {
  return regions.find((region) => region.regionId === regionId)?.name ?? regionId;
}

/** The region a web address names; any other name is not found. */
export function regionIdFrom(text: string): RegionId {
  const regionId = regionIds.find((id) => id === text);
  if (!regionId) throw new NotFoundError('Region');
  return regionId;
}
