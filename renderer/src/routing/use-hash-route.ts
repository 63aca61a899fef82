import { useEffect, useState } from 'react';

export const SCREENS = ['feed', 'orders', 'cash', 'cloud', 'settings', 'setup'] as const;
export type Screen = (typeof SCREENS)[number];

/** "#/settings" → settings. Hash routes work the same from the core's `/` and Electron's file load. */
export function screenOfHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'feed';
}

export function useHashRoute(): Screen {
  const [screen, setScreen] = useState(() => screenOfHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setScreen(screenOfHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return screen;
}
