/** Who runs consultancy sessions and workshops, as their one calendar across areas knows them. */

/** A facilitator's name as a key: the same person however their name was typed. */
export function facilitatorKey(name: string): string {
  return name.trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** One workshop as its facilitator's calendar holds it, beside their consultancy slots. */
export interface FacilitatorWorkshop {
  areaId: string;
  workshop: number;
  facilitator: string;
  startsAt: string;
  endsAt: string;
}
