import {
  RecruitmentNotOpenError,
  nominationOf,
  parseNomination,
  prefilledAnswers,
  recruitmentState,
  type Area,
  type Nomination,
  type NominationAnswers,
} from '@pip/domain';
import { nominationEmails } from '@pip/mail';
import { newEmailedLink, openLink } from './emailed-links';
import { log } from './kit/log';
import { queueAndSend } from './send-emails';
import { getPlatform } from './wiring';

async function openArea(areaId: string): Promise<Area> {
  const platform = getPlatform();
  const area = await platform.areas.existing(areaId);
  const state = recruitmentState(area, platform.clock.now());
  if (state !== 'open') throw new RecruitmentNotOpenError(area, state);
  return area;
}

/**
 * A partner organisation puts a candidate forward: the candidate is emailed a link to an
 * application with the nominator's details of them filled in, valid until applications close.
 */
export async function nominateCandidate(areaId: string, input: unknown, baseUrl: string): Promise<{ area: Area; answers: NominationAnswers }> {
  const area = await openArea(areaId);
  const answers = parseNomination(input);
  const { url, link } = newEmailedLink(
    {
      purpose: 'nomination',
      areaId,
      expiresAt: area.recruitment.closesAt,
      details: { nomination: nominationOf(answers, getPlatform().clock.now().toISOString()), prefill: prefilledAnswers(answers) },
    },
    (token) => `${baseUrl}/apply/${encodeURIComponent(areaId)}?nomination=${token}`,
  );
  await queueAndSend([
    { email: nominationEmails.invitation(area, answers, url), link },
    { email: nominationEmails.confirmation(area, answers, `${baseUrl}/nominate/${encodeURIComponent(areaId)}`) },
  ]);
  log('INFO', 'candidate nominated', { areaId, body: answers.body });
  return { area, answers };
}

export interface NominationLink {
  token: string;
  nomination: Nomination;
  prefill: Record<string, string>;
}

/** The nomination behind an emailed link, if the link is one, for this area, and not expired. */
export async function nominationFromLink(areaId: string, token: string | undefined): Promise<NominationLink | undefined> {
  if (!token) return undefined;
  const opened = await openLink(token, ['nomination']);
  if (opened.problem || opened.link.areaId !== areaId) return undefined;
  const details = opened.link.details as { nomination: Nomination; prefill: Record<string, string> };
  return { token, nomination: details.nomination, prefill: details.prefill };
}
