import type { WaiterMessageKey, WaiterMessageParams } from '../../../shared/i18n/waiter-messages.js';

/**
 * A well-formed request that cannot be done: the waiter gets a popup (200 + WaiterMessage) and
 * nothing changes, because a Refusal thrown inside a transaction rolls it back.
 */
export class Refusal<K extends WaiterMessageKey = WaiterMessageKey> extends Error {
  readonly key: K;
  readonly params: WaiterMessageParams<K>;

  constructor(key: K, ...params: WaiterMessageParams<K> extends undefined ? [] : [WaiterMessageParams<K>]) {
    super(key);
    this.name = 'Refusal';
    this.key = key;
    this.params = params[0] as WaiterMessageParams<K>;
  }
}
