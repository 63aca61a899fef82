import { SHELL_CHANNEL_ARGS, isShellChannel, type ShellArgs, type ShellChannel } from '../../shared/ipc.js';
import { isTrustedSender } from './navigation-policy.js';

export type ShellCallCheck<C extends ShellChannel> =
  | { ok: true; args: ShellArgs<C> }
  | { ok: false; reason: string };

/**
 * Every IPC call passes here before any handler runs: a known channel, from the app's own top
 * frame, with arguments of the channel's shape. The reason is for the log, never shown to anyone.
 */
export function checkShellCall<C extends ShellChannel>(
  channel: C,
  sender: { frameUrl: string | null | undefined; isMainFrame: boolean },
  args: unknown[],
  origin: string | null,
): ShellCallCheck<C> {
  if (!isShellChannel(channel)) return { ok: false, reason: `unknown channel ${String(channel)}` };
  if (!isTrustedSender(sender.frameUrl, origin, sender.isMainFrame)) {
    return { ok: false, reason: `untrusted sender ${sender.frameUrl ?? '(no frame)'} on ${channel}` };
  }
  const parsed = SHELL_CHANNEL_ARGS[channel].safeParse(args);
  if (!parsed.success) {
    return { ok: false, reason: `bad arguments on ${channel}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(all)'} ${issue.message}`).join('; ')}` };
  }
  return { ok: true, args: parsed.data };
}
