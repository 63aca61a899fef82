/**
 * The till's SQLite schema, one migration per step; `PRAGMA user_version` says how far a file is.
 *
 * Money tables are append-only: balances, holds and waiter debts are sums of rows. A hold resolves
 * at most once because its resolution's primary key is the hold id; an order is paid at most once
 * because `payments.order_id` is unique; an idempotency key answers once because it is the key.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  -- The embedded loyalty book (the default provider).
  CREATE TABLE book_rules (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    max_bonus_share_bp INTEGER NOT NULL CHECK (max_bonus_share_bp BETWEEN 0 AND 10000),
    cashback_bp INTEGER NOT NULL CHECK (cashback_bp BETWEEN 0 AND 10000)
  );
  CREATE TABLE book_guests (
    id TEXT PRIMARY KEY,
    full_name TEXT NOT NULL,
    phone TEXT,
    card TEXT,
    opening_balance INTEGER NOT NULL CHECK (opening_balance >= 0)
  );
  CREATE INDEX book_guests_phone ON book_guests (phone);
  CREATE INDEX book_guests_card ON book_guests (card);
  CREATE TABLE book_guest_codes (code TEXT PRIMARY KEY, guest_id TEXT NOT NULL REFERENCES book_guests (id));
  CREATE TABLE book_vouchers (
    id TEXT PRIMARY KEY,
    guest_id TEXT NOT NULL REFERENCES book_guests (id),
    name TEXT NOT NULL,
    product_code TEXT NOT NULL,
    points INTEGER NOT NULL CHECK (points >= 0),
    qr TEXT NOT NULL UNIQUE
  );

  -- Orders as the waiter app sees them. Their status is a column since schema 7 (below).
  CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    guest_id TEXT,
    guest_name TEXT,
    checked_in_by TEXT,
    precheck_order_sum INTEGER,
    opened_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE order_offers (
    order_id TEXT NOT NULL REFERENCES orders (id),
    voucher_id TEXT NOT NULL,
    guest_id TEXT NOT NULL,
    name TEXT NOT NULL,
    product_code TEXT NOT NULL,
    points INTEGER NOT NULL,
    offered_at TEXT NOT NULL,
    PRIMARY KEY (order_id, voucher_id)
  );

  -- Two-phase reservations of a guest's points: gift holds and bonus reservations.
  CREATE TABLE holds (
    id INTEGER PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders (id),
    guest_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('gift', 'bonus')),
    voucher_id TEXT,
    gift_name TEXT,
    product_code TEXT,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    created_at TEXT NOT NULL,
    CHECK ((kind = 'gift') = (voucher_id IS NOT NULL))
  );
  CREATE INDEX holds_order ON holds (order_id);
  CREATE INDEX holds_guest ON holds (guest_id);
  CREATE INDEX holds_voucher ON holds (voucher_id);
  CREATE TABLE hold_resolutions (
    hold_id INTEGER PRIMARY KEY REFERENCES holds (id),
    outcome TEXT NOT NULL CHECK (outcome IN ('posted', 'voided')),
    posted_amount INTEGER NOT NULL CHECK (posted_amount >= 0),
    reason TEXT NOT NULL,
    resolved_at TEXT NOT NULL
  );

  -- Every change of a guest's points. Positive: the guest gains; negative: the guest spends.
  CREATE TABLE guest_entries (
    id INTEGER PRIMARY KEY,
    guest_id TEXT NOT NULL,
    order_id TEXT,
    operation_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('bonus_writeoff', 'gift_writeoff', 'accrual',
                                       'bonus_return', 'gift_return', 'accrual_reversal')),
    amount INTEGER NOT NULL,
    hold_id INTEGER REFERENCES holds (id),
    voucher_id TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX guest_entries_guest ON guest_entries (guest_id);
  CREATE INDEX guest_entries_order ON guest_entries (order_id);

  CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    order_id TEXT NOT NULL UNIQUE REFERENCES orders (id),
    operation_id TEXT NOT NULL,
    guest_id TEXT,
    waiter_id TEXT,
    order_sum INTEGER NOT NULL,
    bonus_sum INTEGER NOT NULL,
    gift_points INTEGER NOT NULL,
    accrued INTEGER NOT NULL,
    cash_sum INTEGER NOT NULL,
    waiter_debt INTEGER NOT NULL,
    items_json TEXT NOT NULL,
    paid_at TEXT NOT NULL
  );
  CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    order_id TEXT NOT NULL UNIQUE REFERENCES payments (order_id),
    operation_id TEXT NOT NULL,
    waiter_id TEXT,
    refunded_at TEXT NOT NULL
  );

  -- Waiters, known by a keyed hash of the PIN (pin:…) or by iiko's employee id (iiko:…).
  CREATE TABLE waiters (
    id TEXT PRIMARY KEY,
    name TEXT,
    first_seen_at TEXT NOT NULL
  );

  -- Double-entry cash book. Accounts: 'waiter:<id>', 'till', 'sales'.
  CREATE TABLE cash_entries (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('cash_taken', 'cash_to_till', 'hand_in', 'refund_reversal')),
    debit_account TEXT NOT NULL,
    credit_account TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    order_id TEXT,
    operation_id TEXT NOT NULL,
    cash_type_id TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    CHECK (debit_account <> credit_account)
  );
  CREATE INDEX cash_entries_debit ON cash_entries (debit_account);
  CREATE INDEX cash_entries_credit ON cash_entries (credit_account);
  CREATE INDEX cash_entries_time ON cash_entries (created_at);
  CREATE UNIQUE INDEX cash_entries_operation ON cash_entries (operation_id, kind, debit_account);

  -- Answers to payments and refunds, replayed byte for byte under the same key.
  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response_body TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  -- Operations the GetMeBack cloud must receive, written with the payment that caused them.
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    operation_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    guest_id TEXT,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    next_attempt_at TEXT,
    delivered_at TEXT
  );
  CREATE INDEX outbox_pending ON outbox (delivered_at, id);

  -- What the dashboard's feed shows, newest last; paged by id.
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    order_id TEXT,
    waiter_id TEXT,
    payload TEXT NOT NULL
  );
  CREATE INDEX events_type ON events (type, id);
  `,
  `
  -- GetMeBack deliveries: a send that got no answer may have been applied by the cloud (its balance
  -- is uncertain until the operation is acknowledged); an operation the cloud keeps refusing is
  -- parked instead of blocking every later one. Operations already tried before this version are
  -- counted as unanswered, the safe assumption.
  ALTER TABLE outbox ADD COLUMN unanswered INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE outbox ADD COLUMN refusals INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE outbox ADD COLUMN parked_at TEXT;
  UPDATE outbox SET unanswered = attempts WHERE delivered_at IS NULL;
  `,
  `
  -- GetMeBack cloud (issue 14). The last profile the cloud gave of each guest, so that a till
  -- restarted while the cloud is away still knows a checked-in guest (to accrue, never to spend).
  CREATE TABLE cloud_guests (
    guest_id TEXT PRIMARY KEY,
    full_name TEXT NOT NULL,
    base_balance INTEGER NOT NULL,
    cashback_bp INTEGER,
    max_bonus_share_bp INTEGER,
    seen_at TEXT NOT NULL
  );
  -- An outbox operation a person settled (the cloud had applied it / it is dropped): who, when, why.
  -- Never deleted. Refunds listed for manual reconciliation are kept here too (manual = 1).
  ALTER TABLE outbox ADD COLUMN manual INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE outbox ADD COLUMN settled_at TEXT;
  ALTER TABLE outbox ADD COLUMN settled_by TEXT;
  ALTER TABLE outbox ADD COLUMN settled_note TEXT;
  ALTER TABLE outbox ADD COLUMN settled_outcome TEXT CHECK (settled_outcome IN ('applied', 'dropped'));
  -- The journal of calls to the cloud (secrets masked), the newest few thousand kept.
  CREATE TABLE cloud_journal (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    call TEXT NOT NULL,
    url TEXT NOT NULL,
    request TEXT NOT NULL,
    status INTEGER,
    answer TEXT,
    error TEXT,
    ms INTEGER NOT NULL
  );
  `,
  `
  -- The «Сегодня» screen counts a business day's check-ins and points by time.
  CREATE INDEX events_time ON events (at);
  CREATE INDEX guest_entries_time ON guest_entries (created_at);
  `,
  `
  -- The courier sends several guests' operations at once, each guest's in order: it asks for the
  -- oldest open operation of each guest, found through this index.
  CREATE INDEX outbox_open_by_guest ON outbox (guest_id, id) WHERE delivered_at IS NULL AND settled_at IS NULL AND manual = 0;
  `,
  `
  -- Shifts the cashier closed explicitly (issue 17): shift N covers [opened_at, closed_at); the next
  -- one opens where it closed. Never updated or deleted; the number is the key, so a shift closes
  -- once, and a retried close carries the same key.
  CREATE TABLE shift_closes (
    number INTEGER PRIMARY KEY CHECK (number > 0),
    opened_at TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    closed_by TEXT NOT NULL,
    idempotency_key TEXT UNIQUE,
    CHECK (opened_at <= closed_at)
  );
  `,
  `
  -- An order's status on its own row (issue 19): every waiter request reads its order, and one row
  -- is one probe where the payment and the refund tables were three. Written in the transaction
  -- that writes the payment or the refund; filled here from those rows for a file an earlier
  -- version wrote (a refund exists only for a payment, so Refunded is written last).
  ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'Open' CHECK (status IN ('Open', 'Paid', 'Refunded'));
  UPDATE orders SET status = 'Paid' WHERE id IN (SELECT order_id FROM payments);
  UPDATE orders SET status = 'Refunded' WHERE id IN (SELECT order_id FROM refunds);
  `,
  `
  -- The operations parked after repeated refusals (issue 19): the till's status counts them at every
  -- read (the dashboard, the tray, /health), found here rather than by walking every undelivered
  -- operation of a backlog (3 ms per read with 10 000 waiting, on the event loop).
  CREATE INDEX outbox_parked ON outbox (id) WHERE parked_at IS NOT NULL AND delivered_at IS NULL AND settled_at IS NULL;
  `,
  `
  -- A guest's refund calls (issue 19): what a refund gives back is left out of a cloud guest's balance
  -- (ledger/outbox.ts), found from these few rows instead of testing every entry of the guest at each
  -- read (a condition on each of 200 entries cost a check-in during a backlog about a tenth of its pace).
  CREATE INDEX outbox_refunds ON outbox (guest_id) WHERE kind IN ('refund', 'gift_refund');
  `,
  `
  -- A refund gives a waiter's cash back in two parts (cash/refund-cash.ts): off the waiter's debt as
  -- far as the waiter still owes it, the rest from the till. Both parts are debits of sales under
  -- one operation, told apart by the account they credit.
  DROP INDEX cash_entries_operation;
  CREATE UNIQUE INDEX cash_entries_operation ON cash_entries (operation_id, kind, debit_account, credit_account);
  `,
];
