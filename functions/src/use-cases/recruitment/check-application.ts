import {
  keepingEmail,
  parseApplicationAnswers,
  refuseUnlessRecruiting,
  type ApplicationAnswers,
  type Area,
  type Ports,
} from '@pip/domain';
import type { OpenOwnApplication } from './own-application';

/**
 * The answers of the application form, checked before the applicant is asked to send them: the
 * same rules as sending, so that the check page shows only answers that can be sent. Nothing is
 * stored; sending checks them all again.
 */
export async function checkNewApplication(
  ports: Pick<Ports, 'areas' | 'clock'>,
  areaId: string,
  input: unknown,
): Promise<{ area: Area; answers: ApplicationAnswers }> {
  const area = await ports.areas.existing(areaId);
  refuseUnlessRecruiting(area, ports.clock.now());
  return { area, answers: parseApplicationAnswers(input) };
}

/** As `checkNewApplication`, for a change through the applicant's own link: the email address stays theirs. */
export function checkChangedApplication(ports: Pick<Ports, 'clock'>, own: OpenOwnApplication, input: unknown): ApplicationAnswers {
  refuseUnlessRecruiting(own.area, ports.clock.now());
  return parseApplicationAnswers(keepingEmail(own.application, input));
}
