import type { Answer } from './client.js';
import { problemLines } from './screen.js';

export type Print = (line: string) => void;

/** How a step went: done, refused with a popup, or failed (bad request, server down). */
export type Outcome = 'done' | 'refused' | 'failed';

/** Prints what the waiter sees for one answer; `success` renders the body of a 2xx without a popup. */
export function show<T>(print: Print, answer: Answer<T>, success: (body: T) => string[]): Outcome {
  const problem = problemLines(answer);
  if (problem) {
    problem.forEach((line) => print(line));
    return answer.status >= 200 && answer.status < 300 ? 'refused' : 'failed';
  }
  success(answer.body as T).forEach((line) => print(line));
  return 'done';
}
