import { z } from 'zod';

/**
 * GET /api/setup/lan-reachability: whether iikoWaiter's terminals can reach the till's port. The till
 * connects to itself on each of its LAN addresses (never loopback) and says what it found.
 * - reachable: at least one LAN address answered;
 * - unreachable: none did (a firewall, most often);
 * - loopbackOnly: the server listens on 127.0.0.1 only (the Server host setting);
 * - noLan: the till has no LAN address;
 * - notListening: the server is not running.
 */
export const LAN_VERDICTS = ['reachable', 'unreachable', 'loopbackOnly', 'noLan', 'notListening'] as const;
export type LanVerdict = (typeof LAN_VERDICTS)[number];

export const LanReachabilityResponse = z.object({
  verdict: z.enum(LAN_VERDICTS),
  port: z.number().int().nullable(),
  addresses: z.array(
    z.object({
      address: z.string(),
      reachable: z.boolean(),
      /** What stopped the connection (ECONNREFUSED, timeout, …), for the engineer; null when it answered. */
      error: z.string().nullable(),
    }),
  ),
  checkedAt: z.string(),
});
export type LanReachabilityResponse = z.infer<typeof LanReachabilityResponse>;
