import { CheckInRequest } from '../../../../shared/wire/checkin.js';
import { Refusal } from '../../loyalty/refusal.js';
import { validate } from '../validate.js';
import { isReadableScan } from './scanned-value.js';
import { isJsonObject, matchWireNames } from './wire-names.js';

/** The longest PIN `WaiterPin` takes. */
const PIN_MAX = 64;

/**
 * A check-in's body as the route reads it: its names matched in any case, a code that cannot be
 * read refused as a message for the waiter ("scan again": iikoWaiter's vendor documents only 204
 * and 200 + WaiterMessage here, so it is not a malformed request), then `CheckInRequest` validated.
 * The body iikoWaiter sends — `Value` and perhaps `WaiterPin`, spelled so, nothing else — is checked
 * by hand with the same result; any other body takes the schema's way (issue 19: the two walks of
 * zod were 3 % of a check-in's CPU).
 */
export function checkInBodyOf(sent: unknown): CheckInRequest {
  const plain = plainCheckIn(sent);
  if (plain) return plain;
  const named = matchWireNames(CheckInRequest, sent);
  if (isJsonObject(named) && !isReadableScan(named.Value)) throw new Refusal('unreadableCode');
  return validate(CheckInRequest, named);
}

/** The body when it is exactly what `CheckInRequest` accepts, with its names spelled as it spells them; else null. */
export function plainCheckIn(sent: unknown): CheckInRequest | null {
  if (!isJsonObject(sent)) return null;
  for (const name in sent) if (name !== 'Value' && name !== 'WaiterPin') return null;
  const value = sent.Value;
  if (!isReadableScan(value)) return null;
  const pin = sent.WaiterPin;
  if (pin === undefined) return { Value: value.trim() };
  if (pin === null || (typeof pin === 'string' && pin.length >= 1 && pin.length <= PIN_MAX)) return { Value: value.trim(), WaiterPin: pin };
  return null;
}
