import type { z } from 'zod';
import { cashMessage, type PlainCashMessageKey } from '../../../cash/waiter-cash-messages.js';
import type { LoyaltyContext } from '../../../loyalty/context.js';
import { AdminRefusal, type FieldProblem } from '../../http-errors.js';
import { validateForManager } from '../../validate.js';

/** What each field's complaint says, so the dashboard can show it next to that field. */
const FIELD_MESSAGES: Record<string, PlainCashMessageKey> = {
  amount: 'amountInvalid',
  note: 'noteTooLong',
  recordedBy: 'recordedByTooLong',
  closedBy: 'recordedByTooLong',
  idempotencyKey: 'keyInvalid',
  name: 'nameInvalid',
  before: 'pageInvalid',
  limit: 'pageInvalid',
  from: 'dateInvalid',
  to: 'dateInvalid',
  format: 'formatInvalid',
  shift: 'shiftInvalid',
};

/** People read the messages; the field names are in Errors for the screen to mark its inputs. */
export function fieldProblems(errors: FieldProblem[]): AdminRefusal {
  return new AdminRefusal(400, errors.map((error) => error.Message).join(' '), errors);
}

/** The cash screen's routes speak the settings' language and name the fields they refuse. */
export function cashRouteKit(loyalty: LoyaltyContext) {
  const language = () => loyalty.settings().language;
  const say = (key: PlainCashMessageKey) => cashMessage(language(), key);
  const fieldMessages = (field: string) => {
    const key = FIELD_MESSAGES[field];
    return key ? say(key) : undefined;
  };
  const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => validateForManager(schema, input, { language: language(), fieldMessages });
  return { language, say, parse };
}
