import { hostname } from 'node:os';
import { isIP } from 'node:net';
import type { Middleware } from 'koa';
import { AccessDenied } from '../http-errors.js';

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || plain.startsWith('127.');
}

/**
 * DNS rebinding defence: a browser tricked into calling us through an attacker's domain sends that
 * domain as Host. We answer only to IP literals, localhost and this machine's own name.
 */
export function hostHeaderGuard(): Middleware {
  const ownNames = new Set(['localhost', hostname().toLowerCase(), `${hostname().toLowerCase()}.local`]);
  return async (ctx, next) => {
    const host = (ctx.get('host') || '').toLowerCase();
    const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
    if (name === '' || isIP(name) !== 0 || ownNames.has(name) || name.endsWith('.localhost')) return next();
    throw new AccessDenied(403, `foreign Host header: ${host}`);
  };
}
