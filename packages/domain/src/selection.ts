import { scoreText } from './review';

/**
 * The selection of six council and six voluntary and community sector participants for an area.
 * Pure and deterministic: the same applications and reviews always give the same proposal, and
 * every applicant carries the reasons for their outcome, so any decision can be explained later.
 */
export type Sector = 'local-authority' | 'voluntary-community';
export const sectors: readonly Sector[] = ['local-authority', 'voluntary-community'];
export const sectorNames: Record<Sector, string> = {
  'local-authority': 'local authority',
  'voluntary-community': 'voluntary and community sector',
};

/** A sector's name as a heading or an option starts it: "Local authority". */
export function sectorTitle(sector: Sector): string {
  const name = sectorNames[sector];
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

export interface Candidate {
  applicationId: string;
  fullName: string;
  sector: Sector;
  organisation: string;
  /** Mean of the reviewers' scores; absent until someone has reviewed the application. */
  meanScore?: number;
  canAttendWorkshops: boolean;
  bmeNetwork: boolean;
  laaProvider: boolean;
  submittedAt: string;
}

export interface SelectionRules {
  placesPerSector: number;
  maxPerOrganisation: number;
}

export const defaultSelectionRules: SelectionRules = { placesPerSector: 6, maxPerOrganisation: 1 };

export const TIE_BREAK_RULE = 'Equal mean scores are ordered by the earlier application, then by reference number.';

export type Outcome =
  | { kind: 'selected'; reasons: string[] }
  | { kind: 'reserve'; rank: number; reasons: string[] }
  | { kind: 'not-selected'; reasons: string[] };

export interface Proposal {
  selected: Record<Sector, string[]>;
  reserves: Record<Sector, string[]>;
  outcomes: Record<string, Outcome>;
}

export function organisationKey(organisation: string): string {
  return organisation.trim().toLowerCase().replace(/\s+/gu, ' ');
}

function isComplete(candidate: Candidate): boolean {
  return candidate.meanScore !== undefined && candidate.canAttendWorkshops;
}

/** Best first: higher mean score, then the earlier application, then the reference. */
export function byRank(a: Candidate, b: Candidate): number {
  return (
    (b.meanScore ?? 0) - (a.meanScore ?? 0) ||
    a.submittedAt.localeCompare(b.submittedAt) ||
    a.applicationId.localeCompare(b.applicationId)
  );
}

const score = (candidate: Candidate) => scoreText(candidate.meanScore ?? 0);

const ordinal = (n: number) => {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
};

interface DiversityRule {
  flag: 'bmeNetwork' | 'laaProvider';
  description: string;
}

export const diversityRules: readonly DiversityRule[] = [
  { flag: 'bmeNetwork', description: 'someone from a local BME network' },
  { flag: 'laaProvider', description: 'someone from a Local Area Agreement provider' },
];

export function proposeSelection(candidates: readonly Candidate[], rules: SelectionRules = defaultSelectionRules): Proposal {
  const outcomes: Record<string, Outcome> = {};
  const ranked: Record<Sector, Candidate[]> = { 'local-authority': [], 'voluntary-community': [] };
  for (const candidate of candidates) {
    if (candidate.meanScore === undefined) {
      outcomes[candidate.applicationId] = { kind: 'not-selected', reasons: ['Not reviewed yet, so it cannot be ranked.'] };
    } else if (!candidate.canAttendWorkshops) {
      outcomes[candidate.applicationId] = { kind: 'not-selected', reasons: ['Cannot attend the four workshops, which the programme requires.'] };
    } else {
      ranked[candidate.sector].push(candidate);
    }
  }
  for (const sector of sectors) ranked[sector].sort(byRank);
  const rankOf = (candidate: Candidate) => ranked[candidate.sector].indexOf(candidate) + 1;
  const rankText = (candidate: Candidate) =>
    `Ranked ${ordinal(rankOf(candidate))} of ${ranked[candidate.sector].length} complete ${sectorNames[candidate.sector]} applications, with a mean score of ${score(candidate)}.`;

  // First pass: the best-ranked in each sector, at most `maxPerOrganisation` from one organisation.
  const selected: Record<Sector, Candidate[]> = { 'local-authority': [], 'voluntary-community': [] };
  const perOrganisation = new Map<string, Candidate[]>();
  const blocked = new Set<Candidate>();
  for (const sector of sectors) {
    for (const candidate of ranked[sector]) {
      if (selected[sector].length >= rules.placesPerSector) break;
      const colleagues = perOrganisation.get(organisationKey(candidate.organisation)) ?? [];
      if (colleagues.length >= rules.maxPerOrganisation) {
        blocked.add(candidate);
        outcomes[candidate.applicationId] = {
          kind: 'not-selected',
          reasons: [
            rankText(candidate),
            `${candidate.organisation} already has ${colleagues.map((c) => c.fullName).join(', ')} selected; the limit is ${rules.maxPerOrganisation} per organisation.`,
          ],
        };
        continue;
      }
      colleagues.push(candidate);
      perOrganisation.set(organisationKey(candidate.organisation), colleagues);
      selected[sector].push(candidate);
    }
  }
  const notes = new Map<Candidate, string[]>();
  const note = (candidate: Candidate, text: string) => notes.set(candidate, [...(notes.get(candidate) ?? []), text]);

  // Second pass: the diversity the programme attends to, when such applicants exist.
  for (const rule of diversityRules) {
    const all = [...selected['local-authority'], ...selected['voluntary-community']];
    if (all.some((candidate) => candidate[rule.flag])) continue;
    const contender = [...ranked['local-authority'], ...ranked['voluntary-community']]
      .filter((candidate) => candidate[rule.flag] && !all.includes(candidate) && !blocked.has(candidate))
      .sort(byRank)[0];
    if (!contender) continue;
    const sectorPicks = selected[contender.sector];
    if (sectorPicks.length >= rules.placesPerSector) {
      const otherRules = diversityRules.filter((other) => other !== rule);
      const soleHolder = (candidate: Candidate) =>
        otherRules.some((other) => candidate[other.flag] && all.filter((c) => c[other.flag]).length === 1);
      const makesWay = [...sectorPicks].reverse().find((candidate) => !soleHolder(candidate));
      if (!makesWay) continue;
      sectorPicks.splice(sectorPicks.indexOf(makesWay), 1);
      note(makesWay, `Made way for ${contender.fullName} so that the twelve include ${rule.description}.`);
      note(contender, `Selected so that the twelve include ${rule.description}, in place of ${makesWay.fullName}.`);
    } else {
      note(contender, `Selected so that the twelve include ${rule.description}.`);
    }
    sectorPicks.push(contender);
    sectorPicks.sort(byRank);
  }

  const reserves: Record<Sector, string[]> = { 'local-authority': [], 'voluntary-community': [] };
  for (const sector of sectors) {
    for (const candidate of selected[sector]) {
      outcomes[candidate.applicationId] = { kind: 'selected', reasons: [rankText(candidate), ...(notes.get(candidate) ?? [])] };
    }
    for (const candidate of ranked[sector]) {
      if (selected[sector].includes(candidate) || blocked.has(candidate)) continue;
      reserves[sector].push(candidate.applicationId);
      const rank = reserves[sector].length;
      outcomes[candidate.applicationId] = {
        kind: 'reserve',
        rank,
        reasons: [
          rankText(candidate),
          ...(notes.get(candidate) ?? [`The ${rules.placesPerSector} ${sectorNames[sector]} places went to higher-ranked applications.`]),
          `Reserve ${rank} for the ${sectorNames[sector]}: offered a place, in this order, if a selected participant withdraws.`,
        ],
      };
    }
  }
  return {
    selected: { 'local-authority': selected['local-authority'].map((c) => c.applicationId), 'voluntary-community': selected['voluntary-community'].map((c) => c.applicationId) },
    reserves,
    outcomes,
  };
}

export interface SelectionDraft {
  selected: Record<Sector, string[]>;
  leads: Partial<Record<Sector, string>>;
}

/** The same people selected and the same leads, in whatever order they were listed or stored. */
export function sameSelection(a: SelectionDraft, b: SelectionDraft): boolean {
  return sectors.every((sector) => {
    const ours = [...a.selected[sector]].sort();
    const theirs = [...b.selected[sector]].sort();
    return a.leads[sector] === b.leads[sector] && ours.length === theirs.length && ours.every((id, i) => id === theirs[i]);
  });
}

export interface RuleBreach {
  message: string;
  /** Approval is refused while any breach that blocks it remains; the others are for staff to weigh. */
  blocksApproval: boolean;
}

/** The rules an edited selection breaks, for staff to see before they approve. */
export function selectionBreaches(
  draft: SelectionDraft,
  candidates: readonly Candidate[],
  rules: SelectionRules = defaultSelectionRules,
): RuleBreach[] {
  const byId = new Map(candidates.map((candidate) => [candidate.applicationId, candidate]));
  const breaches: RuleBreach[] = [];
  const chosen: Candidate[] = [];
  for (const sector of sectors) {
    const ids = draft.selected[sector];
    if (ids.length > rules.placesPerSector) {
      breaches.push({ message: `${ids.length} ${sectorNames[sector]} participants are selected; at most ${rules.placesPerSector} may be.`, blocksApproval: true });
    }
    for (const id of ids) {
      const candidate = byId.get(id);
      if (!candidate) {
        breaches.push({ message: `Application ${id} is not an application for this area.`, blocksApproval: true });
        continue;
      }
      if (candidate.sector !== sector) {
        breaches.push({ message: `${candidate.fullName} applied as ${sectorNames[candidate.sector]}, not ${sectorNames[sector]}.`, blocksApproval: true });
      }
      if (!isComplete(candidate)) {
        breaches.push({
          message: `${candidate.fullName}'s application is not complete: ${candidate.meanScore === undefined ? 'not reviewed yet' : 'cannot attend the four workshops'}.`,
          blocksApproval: false,
        });
      }
      chosen.push(candidate);
    }
    const lead = draft.leads[sector];
    if (!lead) {
      breaches.push({ message: `Name a lead ${sectorNames[sector]} participant.`, blocksApproval: true });
    } else if (!ids.includes(lead)) {
      breaches.push({ message: `The lead ${sectorNames[sector]} participant must be one of those selected.`, blocksApproval: true });
    }
  }
  const perOrganisation = new Map<string, Candidate[]>();
  for (const candidate of chosen) {
    const key = organisationKey(candidate.organisation);
    perOrganisation.set(key, [...(perOrganisation.get(key) ?? []), candidate]);
  }
  for (const colleagues of perOrganisation.values()) {
    if (colleagues.length > rules.maxPerOrganisation) {
      breaches.push({
        message: `${colleagues.length} selected participants are from ${colleagues[0]!.organisation} (${colleagues.map((c) => c.fullName).join(', ')}); the limit is ${rules.maxPerOrganisation} per organisation.`,
        blocksApproval: false,
      });
    }
  }
  for (const rule of diversityRules) {
    const exists = candidates.some((candidate) => candidate[rule.flag] && isComplete(candidate));
    if (exists && !chosen.some((candidate) => candidate[rule.flag])) {
      breaches.push({ message: `The selection does not include ${rule.description}, though such applicants exist.`, blocksApproval: false });
    }
  }
  return breaches;
}
