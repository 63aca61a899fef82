import { Notification } from 'electron';
import type { CashierNotification } from './notification-policy.js';

/**
 * Windows keeps a notification in the Action Center after it leaves the screen, and its click
 * reaches us only while the Notification object is alive: so the latest ones are kept (not
 * forgotten on 'close'), up to a bound so a busy evening does not grow memory.
 */
const KEEP = 50;

export class CashierNotifier {
  private readonly kept: Notification[] = [];

  constructor(private readonly icon: string) {}

  show(notice: CashierNotification, onClick: (notice: CashierNotification) => void): void {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: notice.title, body: notice.body, icon: this.icon });
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
