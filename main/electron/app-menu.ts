import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Electron's default one has Reload, Force Reload and Toggle Developer Tools
 * (Ctrl+R, Ctrl+Shift+I): on a till a stray Ctrl+R loses the manager's form, and DevTools open the
 * door to the page's origin. The installed app gets a menu without them; a run from the repository
 * keeps Electron's default, DevTools included, for the developer.
 *
 * Windows and Linux need no menu at all (the windows hide it, and copy/paste work without one);
 * macOS needs its app and Edit menus for Quit and for copy/paste shortcuts to work in text fields.
 */
export type AppMenu = { kind: 'keep-default' } | { kind: 'none' } | { kind: 'template'; template: MenuItemConstructorOptions[] };

export function appMenu(machine: { isPackaged: boolean; platform: NodeJS.Platform }): AppMenu {
  if (!machine.isPackaged) return { kind: 'keep-default' };
  if (machine.platform !== 'darwin') return { kind: 'none' };
  return {
    kind: 'template',
    template: [
      { role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] },
      { role: 'editMenu' },
      { role: 'windowMenu' },
    ],
  };
}

/** Every role in a template, submenus included: what the test looks through for Reload and DevTools. */
export function menuRoles(template: readonly MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? menuRoles(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}
