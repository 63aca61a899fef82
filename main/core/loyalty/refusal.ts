import type { WaiterMessageArgs, WaiterMessageKey, WaiterMessageParams } from '../../../shared/i18n/waiter-messages.js';

/**
 * A well-formed request that cannot be done: the waiter gets a popup (200 + WaiterMessage) and
 * nothing changes, because a Refusal thrown inside a transaction rolls it back.
 */
export class Refusal<K extends WaiterMessageKey = WaiterMessageKey> extends Error {
  readonly key: K;
  readonly params: WaiterMessageParams<K> | undefined;

  constructor(key: K, ...params: WaiterMessageArgs<K>) {
    super(key);
    this.name = 'Refusal';
    this.key = key;
    this.params = params[0];
  }
}
