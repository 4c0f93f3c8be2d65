import { applicationQuestionPages, SENDING_FIELD, type ApplicationField, type QuestionPage, type QuestionPageId } from './application-form';
import { ValidationError, type FieldError } from './errors';
import { parseApplicationAnswers } from './parse-answers';

/** The question page of that id, if it is one. */
export function questionPage(pageId: string | undefined): QuestionPage | undefined {
  return applicationQuestionPages.find((page) => page.pageId === pageId);
}

/** The page that asks a field; the privacy notice is on none (it is agreed when sending). */
export function pageOfField(field: string): QuestionPage | undefined {
  return applicationQuestionPages.find((page) => (page.fields as readonly string[]).includes(field));
}

/** Every problem with the answers, by field, as sending would find them (none when they can be sent). */
export function answerProblems(input: unknown): FieldError[] {
  try {
    parseApplicationAnswers(input);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return [...error.fieldErrors];
    throw error;
  }
}

/**
 * The problems with one page's answers only: the same rules as sending (the kind of organisation
 * still asked only of the voluntary sector), so a page that passes here never fails when sent.
 */
export function pageProblems(page: QuestionPage, input: unknown): FieldError[] {
  const fields = new Set<string>(page.fields);
  return answerProblems(input).filter((problem) => fields.has(problem.field));
}

/** Refuses with the page's own problems, and nothing of the pages still to come. */
export function checkQuestionPage(page: QuestionPage, input: unknown): void {
  const problems = pageProblems(page, input);
  if (problems.length > 0) throw new ValidationError(problems);
}

/**
 * Where someone carries on: the first page with an answer missing or not yet right, or the check
 * page once every page is answered (the privacy notice is agreed there).
 */
export function nextPageToAnswer(input: unknown): QuestionPageId | 'check' {
  const problems = answerProblems(input).filter((problem) => problem.field !== SENDING_FIELD);
  const first = applicationQuestionPages.find((page) => problems.some((problem) => (page.fields as readonly ApplicationField[]).includes(problem.field as ApplicationField)));
  return first?.pageId ?? 'check';
}
