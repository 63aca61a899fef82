import { describe, expect, it } from 'vitest';
import { pageAfterMove, pageToShow, windowOrigin } from './window-routing.js';

const origin = 'http://127.0.0.1:3000';

describe('pageToShow', () => {
  it('shows a window already on the app as it is when no screen is asked for (tray click, second launch): no reload', () => {
    expect(pageToShow(`${origin}/#/settings`, origin)).toBeNull();
    expect(pageToShow(`${origin}/`, origin)).toBeNull();
  });

  it('loads the dashboard into a window that shows nothing of the app yet', () => {
    expect(pageToShow('', origin)).toBe(`${origin}/#/`);
    expect(pageToShow('about:blank', origin)).toBe(`${origin}/#/`);
    expect(pageToShow('http://127.0.0.1:3001/#/cash', origin)).toBe(`${origin}/#/`);
  });

  it('loads another screen only when a notification asks for a different one', () => {
    expect(pageToShow(`${origin}/#/feed`, origin, '#/orders')).toBe(`${origin}/#/orders`);
    expect(pageToShow(`${origin}/#/orders`, origin, '#/orders')).toBeNull();
    expect(pageToShow(`${origin}/#`, origin, '#/')).toBeNull();
  });
});

describe('pageAfterMove', () => {
  it('keeps the screen the window was on when the server moves to another port', () => {
    expect(pageAfterMove(`${origin}/#/settings`, 'http://127.0.0.1:3005', '#/')).toBe('http://127.0.0.1:3005/#/settings');
    expect(pageAfterMove('', 'http://127.0.0.1:3005', '#/setup')).toBe('http://127.0.0.1:3005/#/setup');
  });
});

describe('windowOrigin', () => {
  it('follows the running server, and the loopback fallback when the port is taken', () => {
    expect(windowOrigin({ kind: 'running', host: '0.0.0.0', port: 3000, localUrl: 'http://127.0.0.1:3000' }, null)).toBe(origin);
    expect(windowOrigin({ kind: 'error', portInUse: 3000, message: 'taken', localUrl: 'http://127.0.0.1:41234' }, origin)).toBe('http://127.0.0.1:41234');
  });

  it('keeps the windows where they are while nothing answers', () => {
    expect(windowOrigin({ kind: 'stopped' }, origin)).toBe(origin);
    expect(windowOrigin({ kind: 'error', portInUse: null, message: 'EACCES', localUrl: null }, origin)).toBe(origin);
    expect(windowOrigin({ kind: 'starting' }, null)).toBeNull();
  });
});
