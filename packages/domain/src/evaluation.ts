import * as z from 'zod/mini';
import { NotFoundError } from './errors';
import { choice, field, optionalText } from './field-schemas';
import type { FieldMeta } from './form-meta';
import { metaOf } from './schema-input';
import { regionIds, type RegionId } from './regions';
import type { ReminderRound } from './reminders';

export const ratings = { poor: 'Poor', fair: 'Fair', good: 'Good', excellent: 'Excellent' } as const;
const yesNo = { yes: 'Yes', no: 'No' } as const;
const metExpectations = { yes: 'Yes', partly: 'Partly', no: 'No' } as const;

function rated(subject: string) {
  return field(choice(ratings, `Rate the ${subject.toLowerCase()}`), { title: `How would you rate the ${subject.toLowerCase()}?`, 'x-input': 'radios', 'x-options': ratings });
}

/** A participant's evaluation of the programme. One schema for the form page and its checks. */
export const evaluationSchema = z.object({
  materials: rated('Programme materials'),
  content: rated('Content'),
  facilitation: rated('Facilitation'),
  knowledgeIncreased: field(choice(yesNo, 'Say whether your knowledge of partnership challenges increased significantly'), {
    title: 'Did your knowledge of the challenges of partnership working increase significantly?',
    'x-input': 'radios',
    'x-options': yesNo,
  }),
  abilityIncreased: field(choice(yesNo, 'Say whether your ability to apply that knowledge increased significantly'), {
    title: 'Did your ability to apply that knowledge increase significantly?',
    'x-input': 'radios',
    'x-options': yesNo,
  }),
  metExpectations: field(choice(metExpectations, 'Say whether the programme met your expectations'), {
    title: 'Did the programme meet your expectations?',
    'x-input': 'radios',
    'x-options': metExpectations,
  }),
  comments: field(optionalText(3000, 'Comments must be 3000 characters or fewer'), {
    title: 'Any other comments (optional)',
    description: 'What worked, what did not, what you would change.',
    'x-input': 'textarea',
  }),
});

export type EvaluationAnswers = z.infer<typeof evaluationSchema>;
export type EvaluationField = keyof EvaluationAnswers;
export const evaluationFields = Object.keys(evaluationSchema.shape) as EvaluationField[];
export const evaluationFieldMeta = (name: EvaluationField): FieldMeta => metaOf(evaluationSchema.shape[name]);

export const evaluationRules = {
  /** A participant's evaluation link lasts this long. */
  linkDays: 180,
  /** Participants who have not answered are reminded this long after the survey opened. */
  remindAfterDays: 14,
};

/** An area's survey: open from the fourth workshop until staff close it. */
export interface EvaluationSurvey {
  areaId: string;
  openedAt: string;
  /** How many participants were asked. */
  invited: number;
  closedAt?: string;
}

/** A stored response: one per participant, replaced when they edit it before the survey closes. */
export interface EvaluationResponse {
  areaId: string;
  applicationId: string;
  answers: EvaluationAnswers;
  submittedAt: string;
  version: number;
  /** Staff marked the comment for publication: only such comments appear in published reports, and never with a name. */
  commentPublishable?: boolean;
}

/** The comment of a response, as reports show it: trimmed, '' when none was written. */
export const commentOf = (answers: Pick<EvaluationAnswers, 'comments'>): string => answers.comments?.trim() ?? '';

/**
 * Whether a changed response keeps its comment marked for publication: only if the comment reads
 * as it did when staff marked it, since staff agreed to publish those words and no others.
 */
export function keepsPublication(previous: EvaluationResponse | undefined, answers: EvaluationAnswers): boolean {
  return previous?.commentPublishable === true && commentOf(previous.answers) === commentOf(answers) && commentOf(answers) !== '';
}

/** The rated dimensions the programme reports publicly, with the words a report uses. */
export const reportedDimensions = {
  materials: 'Programme materials',
  content: 'Content',
  facilitation: 'Facilitation',
} as const;
export type ReportedDimension = keyof typeof reportedDimensions;

export interface EvaluationFigures {
  invited: number;
  responses: number;
  /** Responses over invited, 0 to 1; undefined with nobody invited. */
  responseRate: number | undefined;
  /** Share of responses rating each dimension good or excellent, 0 to 1; undefined with no responses. */
  goodOrExcellent: Record<ReportedDimension, number | undefined>;
  knowledgeIncreased: number | undefined;
  abilityIncreased: number | undefined;
  metExpectations: number | undefined;
  /** Published from too few responses to show ratings without pointing at someone: the shares are left out. */
  withheld?: true;
}

const share = (count: number, of: number) => (of === 0 ? undefined : count / of);

/** The figures of one group of areas: pure, so that a report is the same however it is reached. */
export function evaluationFigures(invited: number, responses: readonly EvaluationAnswers[]): EvaluationFigures {
  const count = (test: (answers: EvaluationAnswers) => boolean) => responses.filter(test).length;
  const good = (dimension: ReportedDimension) => share(count((answers) => answers[dimension] === 'good' || answers[dimension] === 'excellent'), responses.length);
  return {
    invited,
    responses: responses.length,
    responseRate: share(responses.length, invited),
    goodOrExcellent: { materials: good('materials'), content: good('content'), facilitation: good('facilitation') },
    knowledgeIncreased: share(count((answers) => answers.knowledgeIncreased === 'yes'), responses.length),
    abilityIncreased: share(count((answers) => answers.abilityIncreased === 'yes'), responses.length),
    metExpectations: share(count((answers) => answers.metExpectations === 'yes'), responses.length),
  };
}

export const publishedReportRules = {
  /**
   * The fewest responses whose ratings a published report shows: with two or three, a share says how
   * one known person rated the programme. Statistical releases hold back cells smaller than this.
   */
  fewestResponses: 5,
} as const;

/** Figures as a published report may show them: the ratings of fewer than `fewestResponses` responses withheld. */
export function withheldWhenFew(figures: EvaluationFigures, rules = publishedReportRules): EvaluationFigures {
  if (figures.responses === 0 || figures.responses >= rules.fewestResponses) return figures;
  return {
    ...figures,
    goodOrExcellent: { materials: undefined, content: undefined, facilitation: undefined },
    knowledgeIncreased: undefined,
    abilityIncreased: undefined,
    metExpectations: undefined,
    withheld: true,
  };
}

/** A rating's share as a report shows it: "85%", "no responses", or "withheld" where too few answered to publish it. */
export function ratingInWords(figures: EvaluationFigures, value: number | undefined): string {
  return figures.withheld ? 'withheld' : percent(value);
}

/** "85%", or "no responses" where there is nothing to divide. */
export function percent(value: number | undefined): string {
  return value === undefined ? 'no responses' : `${Math.round(value * 100)}%`;
}

/** What an evaluation report covers: one area, the areas of one region, or the whole programme. */
export type ReportScope = { kind: 'area'; areaId: string } | { kind: 'region'; regionId: RegionId } | { kind: 'programme' };

/** The report of a region named in an address; a NotFoundError when there is no such region. */
export function regionScope(regionId: string): ReportScope {
  const region = regionIds.find((id) => id === regionId);
  if (!region) throw new NotFoundError('Region');
  return { kind: 'region', regionId: region };
}

/** An evaluation report as its page and CSV show it: the figures of the whole, and of each area in it. */
export interface EvaluationReport {
  title: string;
  /** What the report covers; one area's report has no table of areas. */
  scope: ReportScope;
  /** For publication: areas are named Area 1, Area 2 and so on. */
  published: boolean;
  overall: EvaluationFigures;
  /** One row per area, named or anonymous as the report is for staff or for publication. */
  areas: { name: string; figures: EvaluationFigures }[];
  /**
   * One area's report for staff only: who in its group has not answered yet, every comment with
   * whether it is marked for publication, and the reminders sent. Never in a version for publication.
   */
  voices?: {
    notAnswered: string[];
    comments: StaffComment[];
    /** Whether staff can remind those who have not answered: the survey is open and someone has not. */
    canRemind: boolean;
    lastReminded?: ReminderRound;
  };
  /**
   * Every other report (a region, the programme, any version for publication): only the comments
   * staff marked publishable, with no name, under the name the report gives their area.
   */
  publishableComments?: { area: string; text: string }[];
}

/** A comment as staff see it on the area's report, to mark for publication or withdraw. */
export interface StaffComment {
  applicationId: string;
  text: string;
  publishable: boolean;
  /** The response's version, which marking it builds on: staff mark the words they read. */
  version: number;
}

export interface AreaForReport {
  areaId: string;
  name: string;
  recruitment: { opensAt: string };
}

/**
 * The names areas go by in a report: their own for staff; for publication "Area 1", "Area 2", ...
 * numbered across the whole programme in the order areas joined it (their recruitment opening),
 * so an area keeps its number in every published report and a later area never renumbers the
 * earlier ones. `programme` is every area; the map names them all, whatever the report's scope.
 */
export function reportNames(programme: readonly AreaForReport[], published: boolean): Map<string, string> {
  if (!published) return new Map(programme.map((area) => [area.areaId, area.name]));
  const joined = [...programme].sort((a, b) => a.recruitment.opensAt.localeCompare(b.recruitment.opensAt) || a.areaId.localeCompare(b.areaId));
  return new Map(joined.map((area, index) => [area.areaId, `Area ${index + 1}`]));
}
