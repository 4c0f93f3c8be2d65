import { ConflictError, NotFoundError, ValidationError, commentOf, type Actor, type Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

export interface PublicationChoice {
  applicationId: string;
  /** 'yes' to mark the comment publishable, 'no' to withdraw it from publication. */
  publishable: string;
  /** The response's version as the report showed it, so staff mark the words they read. */
  version: string;
}

const excerpt = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}...` : text);

/**
 * Staff mark a participant's evaluation comment as publishable, or withdraw it from publication,
 * with an audit entry in the same write. Published reports show only comments marked so, and no names.
 */
export async function markCommentPublishable(ports: Pick<Ports, 'evaluation' | 'applications' | 'clock'>, areaId: string, choice: PublicationChoice, actor: Actor): Promise<boolean> {
  if (choice.publishable !== 'yes' && choice.publishable !== 'no') throw ValidationError.of('comments', 'Choose whether to publish the comment');
  const publishable = choice.publishable === 'yes';
  const [response, applications] = await Promise.all([ports.evaluation.response(areaId, choice.applicationId), ports.applications.listForArea(areaId)]);
  const text = response ? commentOf(response.answers) : '';
  if (!response || !text) throw new NotFoundError('Comment');
  const changed = new ConflictError('The comment changed since the page was shown, perhaps edited by the participant. Read it again before you decide.', 'comments');
  if (String(response.version) !== choice.version) throw changed;
  if ((response.commentPublishable === true) === publishable) return publishable;
  const name = applications.find((application) => application.applicationId === response.applicationId)?.answers.fullName ?? response.applicationId;
  const action = publishable ? 'Evaluation comment marked publishable' : 'Evaluation comment withdrawn from publication';
  const entry = auditEntry(ports.clock, areaId, actor, action, `The comment by ${name}: “${excerpt(text)}”`);
  if (!(await ports.evaluation.markCommentPublishable(areaId, response.applicationId, publishable, response.version, entry))) throw changed;
  return publishable;
}
