import type { HttpEvent } from '../../kit/event';
import { htmlResponse } from '../../kit/responses';
import { signedInView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { referenceHomePage } from '../../pages/reference-home-page';
import { publishedReportRegions } from '../../use-cases/evaluation/published-report-regions';

/** GET /reference: what the reference group can read. */
export async function showReferenceHome(event: HttpEvent) {
  const regions = await publishedReportRegions(platformPorts());
  return htmlResponse(200, referenceHomePage({ member: signedInView(event), regions }));
}
