import { CLOUD_REASON_KINDS, cloudReason, type CloudReason } from '../../../../shared/i18n/cloud-messages.js';

/**
 * What the outbox keeps of the cloud's last answer to an operation (`outbox.last_error`): the
 * reason people read, in their language, on the «Облако» screen, and the till's technical text
 * (English, as in the log and the call journal) that the provider's `lastError` and the admin
 * API's `lastError` still give.
 */
export interface StoredReason {
  reason: CloudReason;
  text: string;
}

/** Kept as JSON, where an older till kept its text alone: `readStoredReason` tells them apart. */
const STORED_MARK = '{"cloudReason":';

export function storedReason(reason: CloudReason, text: string): string {
  return JSON.stringify({ cloudReason: reason, text });
}

/** A stored last answer read back; a text stored by an older till is read as it said it. */
export function readStoredReason(stored: string): StoredReason {
  if (stored.startsWith(STORED_MARK)) {
    try {
      const { cloudReason: reason, text } = JSON.parse(stored) as { cloudReason?: Partial<CloudReason>; text?: unknown };
      if (reason && (CLOUD_REASON_KINDS as readonly unknown[]).includes(reason.kind) && typeof text === 'string') {
        const whole = (value: unknown) => (Number.isInteger(value) ? (value as number) : null);
        const message = typeof reason.message === 'string' ? reason.message : null;
        return { reason: cloudReason(reason.kind as CloudReason['kind'], { message, status: whole(reason.status), waitedMs: whole(reason.waitedMs) }), text };
      }
    } catch {
      // Not one of ours after all: read as an older till's text.
    }
  }
  return { reason: olderTillsReason(stored), text: stored };
}

/**
 * The texts an older till stored (outbox-courier.ts and cloud-client.ts before the reasons), read
 * into a reason so that its rows read in the manager's language too; any other text is shown as it is.
 */
function olderTillsReason(text: string): CloudReason {
  // The key has no spaces but may have colons (a gift's: `op:gift:v-1`).
  const refused = /^the cloud refused operation(?: \S+)?: ([\s\S]*)$/.exec(text);
  if (refused) return cloudReason('refused', { message: refused[1] === 'no reason given' ? null : (refused[1] ?? null) });
  const http = /^GetMeBack: HTTP (\d{3}) from /.exec(text);
  if (http) return cloudReason('http', { status: Number(http[1]) });
  const timeout = /^GetMeBack: no answer within (\d+) ms$/.exec(text);
  if (timeout) return cloudReason('timeout', { waitedMs: Number(timeout[1]) });
  if (/^GetMeBack: connection refused$/.test(text)) return cloudReason('unreachable');
  if (/^GetMeBack: the cloud is not configured/.test(text)) return cloudReason('notConfigured');
  if (/^GetMeBack: the answer is not (JSON|a GetMeBack answer)/.test(text)) return cloudReason('unreadable');
  return cloudReason('other', { message: text });
}
