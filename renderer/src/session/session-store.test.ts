import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from './session-store.js';

/** The till's answer to the logout, held until the test lets it go. */
function heldAnswer(): { fetch: ReturnType<typeof vi.fn>; answer(response: Response | Error): void } {
  let settle: (response: Response | Error) => void = () => undefined;
  const fetch = vi.fn(
    () =>
      new Promise<Response>((resolve, reject) => {
        settle = (response) => (response instanceof Error ? reject(response) : resolve(response));
      }),
  );
  return { fetch, answer: (response) => settle(response) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the session store', () => {
  it('takes the dashboard down before it ends the session: while the logout is on its way, the browser is not logged in', async () => {
    useSessionStore.setState({ loggedIn: true, network: true });
    const till = heldAnswer();
    vi.stubGlobal('fetch', till.fetch);
    const done = useSessionStore.getState().logout();
    expect(till.fetch).toHaveBeenCalledWith('/api/session/end', expect.objectContaining({ method: 'POST' }));
    // App.tsx closes the live stream and drops its pending reloads as soon as this is not true.
    expect(useSessionStore.getState().loggedIn).toBeNull();
    till.answer(new Response(null, { status: 204 }));
    await done;
    expect(useSessionStore.getState().loggedIn).toBe(false);
  });

  it('brings the dashboard back when the till did not end the session, and shows the login when it had ended already', async () => {
    useSessionStore.setState({ loggedIn: true, network: true });
    const unreachable = heldAnswer();
    vi.stubGlobal('fetch', unreachable.fetch);
    const failed = useSessionStore.getState().logout();
    unreachable.answer(new TypeError('Failed to fetch'));
    await failed;
    expect(useSessionStore.getState().loggedIn).toBe(true);

    const expired = heldAnswer();
    vi.stubGlobal('fetch', expired.fetch);
    const refused = useSessionStore.getState().logout();
    expired.answer(new Response(JSON.stringify({ Message: 'Войдите снова.' }), { status: 401, headers: { 'content-type': 'application/json' } }));
    await refused;
    expect(useSessionStore.getState().loggedIn).toBe(false);
  });
});
