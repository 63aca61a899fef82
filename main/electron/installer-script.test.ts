import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The NSIS include cannot run here (no Windows, no makensis): it is read and its rules checked. */
describe('the NSIS include (assets/installer.nsh)', () => {
  const script = readFileSync(path.join(root, 'assets/installer.nsh'), 'utf8');
  const macro = (name: string): string => {
    const match = new RegExp(`^!macro ${name}\\s*$([\\s\\S]*?)^!macroend`, 'm').exec(script);
    if (!match?.[1]) throw new Error(`no macro ${name}`);
    return match[1];
  };
  const defined = (name: string): string => new RegExp(`^!define ${name} "([^"]*)"`, 'm').exec(script)?.[1] ?? '';

  it('is the include electron-builder.yml names, and is not packed into the app', async () => {
    const config = await getConfig(root, null, null);
    expect(config.nsis?.include).toBe('assets/installer.nsh');
    expect(JSON.stringify(config.files)).toContain('"!assets/installer.nsh"');
  });

  it('on install, replaces the inbound rule: this program only, TCP on the default port, private networks', () => {
    const install = macro('customInstall');
    const lines = install.split('\n').map((line) => line.trim());
    const deleteAt = lines.findIndex((line) => line.includes('firewall delete rule name="${GMB_FIREWALL_RULE}"'));
    const addAt = lines.findIndex((line) => line.includes('firewall add rule'));
    expect(deleteAt).toBeGreaterThanOrEqual(0);
    expect(addAt).toBeGreaterThan(deleteAt);
    const add = lines[addAt] ?? '';
    for (const part of ['name="${GMB_FIREWALL_RULE}"', 'dir=in', 'action=allow', 'program="$INSTDIR\\${APP_EXECUTABLE_FILENAME}"', 'protocol=TCP', 'localport=${GMB_DEFAULT_PORT}', 'profile=private']) {
      expect(add, part).toContain(part);
    }
    expect(add).not.toMatch(/profile=(any|public)|remoteip=/);
    expect(defined('GMB_DEFAULT_PORT')).toBe(String(DEFAULT_SETTINGS.server.port));
  });

  it('on uninstall, removes the same rule by name', () => {
    expect(macro('customUnInstall')).toContain('netsh advfirewall firewall delete rule name="${GMB_FIREWALL_RULE}"');
    expect(defined('GMB_FIREWALL_RULE')).toBe('GetMeBack Till (iikoWaiter)');
  });

  it('checks every netsh result off the stack, so the installer’s stack stays balanced', () => {
    for (const name of ['customInstall', 'customUnInstall']) {
      const body = macro(name);
      expect(body.match(/nsExec::ExecToLog/g)?.length, name).toBe(body.match(/Pop \$0/g)?.length);
    }
  });
});
