import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { TrayIcon, TrayItemId, TrayModel } from './tray-model.js';

/**
 * The tray icon, drawn from the pure tray model. Icons are PNGs in `assets/tray/` (with @2x
 * variants Electron picks on high-DPI screens); the menu's item ids are mapped to actions here.
 */
export class TillTray {
  private readonly tray: Tray;
  private shown: TrayModel | null = null;

  constructor(
    private readonly assetsDir: string,
    private readonly onItem: (id: TrayItemId) => void,
    onClick: () => void,
  ) {
    this.tray = new Tray(this.image('stopped'));
    this.tray.on('click', onClick);
  }

  get model(): TrayModel | null {
    return this.shown;
  }

  render(model: TrayModel): void {
    if (this.shown?.icon !== model.icon) this.tray.setImage(this.image(model.icon));
    this.tray.setToolTip(model.tooltip);
    const template: MenuItemConstructorOptions[] = [];
    for (const item of model.items) {
      if (item.id === 'quit' || item.id === 'open-dashboard') template.push({ type: 'separator' });
      template.push({
        id: item.id,
        label: item.label,
        enabled: item.enabled,
        ...(item.checked === undefined ? {} : { type: 'checkbox' as const, checked: item.checked }),
        click: () => this.onItem(item.id),
      });
    }
    this.tray.setContextMenu(Menu.buildFromTemplate(template));
    this.shown = model;
  }

  destroy(): void {
    this.tray.destroy();
  }

  private image(icon: TrayIcon) {
    return nativeImage.createFromPath(path.join(this.assetsDir, 'tray', `${icon}.png`));
  }
}
