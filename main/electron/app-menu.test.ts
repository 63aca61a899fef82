import { describe, expect, it } from 'vitest';
import { appMenu, menuRoles } from './app-menu.js';

const FORBIDDEN = ['reload', 'forceReload', 'toggleDevTools', 'viewMenu'];

describe('appMenu', () => {
  it('gives the installed app on Windows and Linux no menu: no Reload, no DevTools, no Ctrl+R', () => {
    expect(appMenu({ isPackaged: true, platform: 'win32' })).toEqual({ kind: 'none' });
    expect(appMenu({ isPackaged: true, platform: 'linux' })).toEqual({ kind: 'none' });
  });

  it('on macOS keeps Quit and the Edit menu (copy/paste in fields) and nothing that reloads or opens DevTools', () => {
    const menu = appMenu({ isPackaged: true, platform: 'darwin' });
    if (menu.kind !== 'template') throw new Error(`expected a template, got ${menu.kind}`);
    const roles = menuRoles(menu.template);
    expect(roles).toEqual(expect.arrayContaining(['quit', 'editMenu']));
    for (const role of FORBIDDEN) expect(roles).not.toContain(role);
  });

  it('leaves Electron’s default menu (with DevTools) to a run from the repository', () => {
    expect(appMenu({ isPackaged: false, platform: 'win32' })).toEqual({ kind: 'keep-default' });
  });

  it('finds roles in submenus, so a Reload hidden one level down would be caught', () => {
    expect(menuRoles([{ label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] }])).toEqual(['reload', 'toggleDevTools']);
  });
});
