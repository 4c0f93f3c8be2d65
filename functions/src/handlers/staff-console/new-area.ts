import { formRoute, readForm } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse, redirect } from '../../kit/responses';
import { staffOf, staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { newAreaPage } from '../../pages/new-area-page';
import { addArea } from '../../use-cases/recruitment/add-area';

const newAreaForm = { name: 'text', regionId: 'text', 'opens-date': 'text', 'opens-time': 'text', 'closes-date': 'text', 'closes-time': 'text' } as const;

/** GET /staff/new-area */
export const showNewArea: RouteHandler = (event) => htmlResponse(200, newAreaPage(staffView(event), {}, []));

/** POST /staff/new-area: adds the area and opens its page, or shows the form again with what to correct. */
export const postNewArea = formRoute(
  async (event) => {
    const form = readForm(event, newAreaForm);
    const { staffId, name } = staffOf(event);
    const area = await addArea(
      platformPorts(),
      {
        name: form.name,
        regionId: form.regionId,
        opens: { date: form['opens-date'], time: form['opens-time'] },
        closes: { date: form['closes-date'], time: form['closes-time'] },
      },
      { staffId, name },
    );
    return redirect(`/staff/areas/${encodeURIComponent(area.areaId)}`);
  },
  (event, status, { values, errors }) => htmlResponse(status, newAreaPage(staffView(event), values, errors)),
);
