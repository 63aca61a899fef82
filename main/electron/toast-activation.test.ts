import { describe, expect, it } from 'vitest';
import type { CashierNotification } from './notification-policy.js';
import { outsideAsar, ROUTE_ARGUMENT, routeFromActivation, toastXml } from './toast-activation.js';

describe('routeFromActivation', () => {
  it('reads the screen from a toast’s activation arguments', () => {
    expect(routeFromActivation(`${ROUTE_ARGUMENT}#/feed`)).toBe('#/feed');
    expect(routeFromActivation(`${ROUTE_ARGUMENT}#/cash`)).toBe('#/cash');
  });

  it('reads it from a second launch’s command line, quoted or not, among Chromium’s switches', () => {
    expect(routeFromActivation(['C:\\Program Files\\GetMeBack Till\\GetMeBack Till.exe', '--allow-file-access-from-files', `${ROUTE_ARGUMENT}#/orders`])).toBe('#/orders');
    expect(routeFromActivation(['GetMeBack Till.exe', `"${ROUTE_ARGUMENT}#/setup"`])).toBe('#/setup');
    expect(routeFromActivation(['GetMeBack Till.exe', '-ToastActivated', `--${ROUTE_ARGUMENT}#/feed`])).toBe('#/feed');
  });

  it('ignores a launch without one, and any screen the till never sends (no navigation by command line)', () => {
    expect(routeFromActivation(['GetMeBack Till.exe'])).toBeNull();
    expect(routeFromActivation('')).toBeNull();
    expect(routeFromActivation(`${ROUTE_ARGUMENT}#/settings`)).toBeNull();
    expect(routeFromActivation(`${ROUTE_ARGUMENT}https://evil.example/`)).toBeNull();
    expect(routeFromActivation(`${ROUTE_ARGUMENT}#/feed/../../x`)).toBeNull();
  });
});

describe('toastXml', () => {
  it('carries the screen in launch, and the text escaped', () => {
    const xml = toastXml({ title: 'Чекин гостя', body: 'Иванов <b>&</b> "Ко"', route: '#/feed' }, 'C:\\app\\icon.png');
    expect(xml).toContain(`<toast launch="${ROUTE_ARGUMENT}#/feed" activationType="foreground">`);
    expect(xml).toContain('<text>Иванов &lt;b&gt;&amp;&lt;/b&gt; &quot;Ко&quot;</text>');
    expect(xml).not.toContain('<b>');
    expect(routeFromActivation(/launch="([^"]*)"/.exec(xml)?.[1] ?? '')).toBe('#/feed');
  });
});

describe('outsideAsar', () => {
  it('names a packed file where Windows can read it: app.asar.unpacked, for a toast’s image', () => {
    const installed = 'C:\\Program Files\\GetMeBack Till\\resources\\app.asar\\assets\\icon.png';
    expect(outsideAsar(installed)).toBe('C:\\Program Files\\GetMeBack Till\\resources\\app.asar.unpacked\\assets\\icon.png');
    expect(toastXml({ title: 't', body: 'b', route: '#/feed' } as CashierNotification, outsideAsar(installed))).not.toContain('\\app.asar\\');
    expect(outsideAsar('/opt/GetMeBack Till/resources/app.asar/assets/icon.png')).toBe('/opt/GetMeBack Till/resources/app.asar.unpacked/assets/icon.png');
    // npm start runs from the project folder: nothing packed, nothing changed.
    expect(outsideAsar('/work/till/assets/icon.png')).toBe('/work/till/assets/icon.png');
  });
});
