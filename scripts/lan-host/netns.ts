import { execFileSync } from 'node:child_process';

export interface LanHost {
  /** The namespace standing for another computer of the restaurant. */
  name: string;
  /** The till's side of the cable (an address of this machine). */
  tillAddress: string;
  /** The other computer's address, inside the namespace. */
  hostAddress: string;
  remove(): void;
}

/** Why namespaces cannot be made here, or null when they can (root and `ip` present). */
export function whyNoNamespaces(): string | null {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'network namespaces need root (ip netns add)';
  try {
    execFileSync('ip', ['-V'], { stdio: 'ignore' });
  } catch {
    return 'the `ip` command (iproute2) is missing';
  }
  return null;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/**
 * Another computer on a cable to this one: a network namespace with one end of a veth pair, the
 * other end here, both in a private /30 of 10.213.0.0/16 chosen from the process id (so parallel
 * runs do not collide). Nothing is routed anywhere else: traffic flows only between the two ends.
 */
export function makeLanHost(): LanHost {
  const tag = process.pid % 16_000;
  const name = `gmb-lan-${process.pid}`;
  const hostSide = `gmbt${tag}`;
  const nsSide = `gmbn${tag}`;
  const base = 4 * (tag % 16_384);
  const prefix = `10.213.${(base >> 8) & 255}.`;
  const tillAddress = `${prefix}${(base & 255) + 1}`;
  const hostAddress = `${prefix}${(base & 255) + 2}`;
  const remove = () => {
    try {
      ip('netns', 'del', name);
    } catch {
      // Already gone.
    }
    try {
      ip('link', 'del', hostSide);
    } catch {
      // Deleting the namespace took the pair with it.
    }
  };
  try {
    ip('netns', 'add', name);
    ip('link', 'add', hostSide, 'type', 'veth', 'peer', 'name', nsSide);
    ip('link', 'set', nsSide, 'netns', name);
    ip('addr', 'add', `${tillAddress}/30`, 'dev', hostSide);
    ip('link', 'set', hostSide, 'up');
    ip('netns', 'exec', name, 'ip', 'addr', 'add', `${hostAddress}/30`, 'dev', nsSide);
    ip('netns', 'exec', name, 'ip', 'link', 'set', nsSide, 'up');
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up');
  } catch (error) {
    remove();
    throw error;
  }
  return { name, tillAddress, hostAddress, remove };
}
