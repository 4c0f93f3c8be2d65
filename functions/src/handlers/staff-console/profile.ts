import type { FieldError } from '@pip/domain';
import type { HttpEvent } from '../../kit/event';
import { formRoute, readForm } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { staffOf, staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { profilePage } from '../../pages/profile-page';
import { ProfileChangedError, saveStaffProfile } from '../../use-cases/staff/save-staff-profile';
import { staffProfile } from '../../use-cases/staff/staff-profile';
import { notices } from '../shared/notices';

const profileForm = { organisation: 'text', areaIds: 'list', note: 'text', version: 'text' } as const;

const profileNotices = notices({ saved: 'Your profile is saved.' });

type ProfileAnswers = { organisation: string; areaIds: string[]; note: string };

function readProfileForm(event: HttpEvent): ProfileAnswers {
  const { organisation, areaIds, note } = readForm(event, profileForm);
  return { organisation, areaIds, note };
}

/** The profile page: what is stored, or the answers sent back to correct; with the errors of a refused save. */
async function renderProfile(event: HttpEvent, status: number, refused?: { answers?: ProfileAnswers; errors: FieldError[] }) {
  const view = await staffProfile(platformPorts(), staffOf(event).staffId);
  const stored = view.connections;
  const answers = refused?.answers ?? { organisation: stored?.organisation ?? '', areaIds: stored?.areaIds ?? [], note: stored?.note ?? '' };
  return htmlResponse(
    status,
    profilePage(staffView(event), {
      ...answers,
      version: stored?.version ?? 0,
      ...(stored ? { changedAt: stored.changedAt } : {}),
      regions: view.regions.map((region) => ({ ...region, areas: region.areas.map(({ areaId, name }) => ({ areaId, name })) })),
      errors: refused?.errors ?? [],
      notice: refused ? undefined : profileNotices.of(event),
    }),
  );
}

/** GET /staff/profile */
export const showProfile: RouteHandler = (event) => renderProfile(event, 200);

/**
 * POST /staff/profile: saves the profile over the version the page showed. Answers to correct come
 * back as sent; a save over a profile changed in another tab shows what is stored now, with why.
 */
export const postProfile = formRoute(
  async (event) => {
    const form = readForm(event, profileForm);
    const { staffId, name } = staffOf(event);
    await saveStaffProfile(platformPorts(), { staffId, name }, { ...readProfileForm(event), version: Number(form.version) || 0 });
    return profileNotices.redirect('/staff/profile', 'saved');
  },
  (event, status, { errors, refusal }) =>
    renderProfile(event, status, refusal instanceof ProfileChangedError ? { errors } : { answers: readProfileForm(event), errors }),
);
