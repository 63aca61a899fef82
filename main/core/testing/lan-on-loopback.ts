import type * as NetworkGuard from '../server/middleware/network-guard.js';
import type * as OwnSubnets from '../server/middleware/own-subnets.js';
import { parseCidr } from '../server/middleware/cidr.js';

/**
 * A LAN made of loopback addresses, for security tests over real sockets on one machine: Linux routes
 * all of 127.0.0.0/8 to lo, so 127.0.0.2, 127.0.0.3, … stand for other computers. Use both in the
 * test file (vi.mock is hoisted above the imports, its factory runs when the till first loads the module):
 *
 *   vi.mock('…/middleware/network-guard.js', onlyLocalhostIsThisMachine);
 *   vi.mock('…/middleware/own-subnets.js', ownSubnetsAre('127.0.0.0/8'));
 */

/** Only 127.0.0.1 and ::1 are this machine; every other 127.x address is another host. */
export const onlyLocalhostIsThisMachine = async (importOriginal: <T>() => Promise<T>): Promise<typeof NetworkGuard> => ({
  ...(await importOriginal<typeof NetworkGuard>()),
  isLoopback: (address: string | undefined) => address === '127.0.0.1' || address === '::ffff:127.0.0.1' || address === '::1',
});

/** The till's own subnets (what it calls "the LAN"): `127.0.0.0/8` for all of them, or one address. */
export const ownSubnetsAre =
  (cidr: string) =>
  (): typeof OwnSubnets => {
    const subnet = parseCidr(cidr);
    if (!subnet) throw new Error(`not a CIDR range: ${cidr}`);
    return { ownSubnets: () => [subnet] };
  };
