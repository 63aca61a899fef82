import { Notification } from 'electron';
import type { CashierNotification } from './notification-policy.js';
import { toastXml } from './toast-activation.js';

/**
 * Windows keeps a notification in the Action Center after it leaves the screen, and its click
 * reaches us only while the Notification object is alive: so the latest ones are kept (not
 * forgotten on 'close'), up to a bound so a busy evening does not grow memory.
 */
const KEEP = 50;

export class CashierNotifier {
  private readonly kept: Notification[] = [];

  constructor(
    private readonly icon: string,
    private readonly platform: NodeJS.Platform,
  ) {}

  show(notice: CashierNotification, onClick: (notice: CashierNotification) => void): void {
    if (!Notification.isSupported()) return;
    // On Windows the toast carries its screen (toast-activation.ts), for a click after a restart.
    const toast = this.platform === 'win32' ? { toastXml: toastXml(notice, this.icon) } : {};
    const notification = new Notification({ title: notice.title, body: notice.body, icon: this.icon, ...toast });
    const forget = () => {
      const index = this.kept.indexOf(notification);
      if (index !== -1) this.kept.splice(index, 1);
    };
    notification.on('click', () => {
      forget();
      onClick(notice);
    });
    notification.on('failed', forget);
    this.kept.push(notification);
    if (this.kept.length > KEEP) this.kept.shift();
    notification.show();
  }
}
