import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'gmb_admin';
/** A session lasts a working day, then the password is asked again. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;
const MAX_SESSIONS = 50;

interface Session {
  expiresAt: number;
  /** The password hash it was opened with: changing the password ends every session. */
  passwordHash: string;
}

/**
 * Admin sessions from other computers: one login gives a random token in an HttpOnly,
 * SameSite=Strict cookie; the till keeps only the token's digest, in memory (a restart logs
 * everyone out), at most 50 at a time (the oldest goes first).
 */
export class AdminSessions {
  private readonly sessions = new Map<string, Session>();

  open(passwordHash: string, nowMs: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(digest(token), { expiresAt: nowMs + SESSION_TTL_MS, passwordHash });
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    return token;
  }

  isValid(token: string | undefined, passwordHash: string, nowMs: number): boolean {
    if (!token) return false;
    const key = digest(token);
    const session = this.sessions.get(key);
    if (!session) return false;
    if (session.expiresAt <= nowMs || session.passwordHash !== passwordHash) {
      this.sessions.delete(key);
      return false;
    }
    return true;
  }

  close(token: string | undefined): void {
    if (token) this.sessions.delete(digest(token));
  }

  /** The Set-Cookie value that opens (or, with an empty token, ends) a session. */
  static cookie(token: string): string {
    const life = token === '' ? 0 : Math.floor(SESSION_TTL_MS / 1000);
    return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${life}`;
  }

  static tokenFrom(cookieHeader: string): string | undefined {
    for (const part of cookieHeader.split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === SESSION_COOKIE) return value.join('=') || undefined;
    }
    return undefined;
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
