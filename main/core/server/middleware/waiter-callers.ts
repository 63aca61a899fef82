import { inAnyRange, parseCidr, type Cidr } from './cidr.js';
import { isLoopback } from './network-guard.js';

let memo: { key: string; ranges: Cidr[] } = { key: '', ranges: [] };

/**
 * Who may call the waiter API: this machine (the iikoWaiter plugin installed on the till itself)
 * and the hosts the manager listed in `settings.server.allowedRanges` (an address or a CIDR range:
 * the iikoFront terminals running the plugin). The till's own subnets are NOT trusted: anyone on
 * the restaurant's Wi-Fi is on them.
 */
export function isWaiterCaller(address: string | undefined, allowed: readonly string[]): boolean {
  return isLoopback(address) || inAnyRange(address, allowedRanges(allowed));
}

/** The settings' entries parsed once per change; an entry that is not an address or CIDR allows nothing. */
function allowedRanges(texts: readonly string[]): Cidr[] {
  const key = texts.join('\n');
  if (key !== memo.key) memo = { key, ranges: texts.map(parseCidr).filter((range): range is Cidr => range !== null) };
  return memo.ranges;
}
