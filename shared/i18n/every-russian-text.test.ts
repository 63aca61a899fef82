import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CASH_MESSAGE_KEYS, cashMessage, type CashMessageKey } from '../../main/core/cash/waiter-cash-messages.js';
import { BACKUP_MESSAGE_KEYS, backupMessage } from '../../main/core/backups/backup-messages.js';
import { WAITER_PERMISSIONS } from '../../main/core/setup/setup-checklist.js';
import { startTestTill, type TestTill } from '../../main/core/testing/test-till.js';
import { notificationFor, notificationForServer } from '../../main/electron/notification-policy.js';
import { lockHeldText } from '../../main/electron/data-folder-lock.js';
import { portTakenDialog } from '../../main/electron/port-taken-dialog.js';
import type { ServerState } from '../../main/electron/server-state.js';
import { trayModel } from '../../main/electron/tray-model.js';
import { WaiterClient } from '../../main/tools/waiter/client.js';
import { runDemo } from '../../main/tools/waiter/demo.js';
import * as screen from '../../main/tools/waiter/screen.js';
import { feedLine } from '../../renderer/src/feed/feed-line.js';
import { en } from '../../renderer/src/i18n/en.js';
import { ru } from '../../renderer/src/i18n/ru.js';
import { settingLabels } from '../../renderer/src/settings/setting-labels.js';
import { TILL_EVENT_TYPES, type TillEvent, type TillEventPayloads, type TillEventType } from '../events.js';
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from '../settings/schema.js';
import { ADMIN_MESSAGE_KEYS, adminMessage } from './admin-messages.js';
import { CLOUD_REASON_KINDS, cloudReason, cloudReasonText, droppedWithPaymentText } from './cloud-messages.js';
import { formatBonuses, formatRoubles } from './numbers.js';
import { providerTroubleTexts } from './provider-messages.js';
import { installUpdateLabel, updateStateText, updateTrayLine } from './update-messages.js';
import type { UpdateState } from '../update-state.js';
import { iikoNamesFirst, latinWords, pluralMistakes, retiredWords, roublesBesideBonuses, russianTextProblems } from './text-check.js';
import { validationErrors } from './validation-messages.js';
import { WAITER_MESSAGE_KEYS, waiterMessage } from './waiter-messages.js';

/**
 * Issue 21, item 6: every Russian text the till shows — the dashboard's words and feed, the waiter's
 * popups, the cashier's notifications and tray, the simulator, settings and cash errors — rendered
 * with figures, and checked against docs/glossary.md.
 *
 * Bonus figures are distinctive (777,77; 21; 1; 3) and money figures too (1 234,56 ₽), so that a
 * bonus amount shown with «₽» is caught however the sentence is built.
 */
const BONUSES = { odd: 77_777, twentyOne: 2_100, one: 100, three: 300, many: 150_000 };
const MONEY = 123_456;
const ORDER = '3f2a9c1e-0000-4000-8000-000000000001';

const texts: { where: string; text: string }[] = [];
const collect = (where: string, ...found: (string | null | undefined)[]) => {
  for (const text of found) if (text) texts.push({ where, text });
};

function event<T extends TillEventType>(type: T, data: TillEventPayloads[T]): TillEvent {
  return { id: 1, at: '2026-11-29T12:00:00.000Z', type, orderId: ORDER, waiterId: 'pin:abc', waiterName: 'Анна', data } as TillEvent;
}

const UPDATE_STATES: UpdateState[] = [
  { kind: 'off', reason: 'no-url' },
  { kind: 'off', reason: 'not-installed' },
  { kind: 'idle' },
  { kind: 'checking' },
  { kind: 'up-to-date', checkedAt: '2026-11-29T12:00:00.000Z' },
  { kind: 'downloading', version: '0.2.0', percent: 41 },
  { kind: 'downloaded', version: '0.2.0' },
  { kind: 'failed', stage: 'check', version: null, at: '2026-11-29T12:00:00.000Z' },
  { kind: 'failed', stage: 'download', version: '0.2.0', at: '2026-11-29T12:00:00.000Z' },
  { kind: 'failed', stage: 'verify', version: '0.2.0', at: '2026-11-29T12:00:00.000Z' },
];

/** One event of every type (the record type makes a new event type a compile error here). */
const EVENTS: { [T in TillEventType]: TillEventPayloads[T][] } = {
  'guest.checked_in': [
    { guestId: 'g-1', guestName: 'Иванов Иван', balance: BONUSES.odd, available: BONUSES.twentyOne, voucherName: null },
    { guestId: 'g-1', guestName: 'Иванов Иван', balance: BONUSES.one, available: BONUSES.one, voucherName: 'Капучино' },
  ],
  'guest.checked_out': [{ guestId: 'g-1', guestName: 'Иванов Иван' }, { guestId: null, guestName: null }],
  'gift.added': [{ guestId: 'g-1', guestName: 'Иванов', giftId: 'v-1', giftName: 'Капучино', points: BONUSES.odd }],
  'gift.removed': [{ guestId: 'g-1', giftId: 'v-1', giftName: 'Капучино', points: BONUSES.three }],
  'bonus.reserved': [{ guestId: 'g-1', guestName: 'Иванов', sum: BONUSES.odd, maxSum: BONUSES.twentyOne, orderSum: MONEY }],
  'payment.committed': [
    {
      guestId: 'g-1',
      guestName: 'Иванов',
      orderSum: MONEY,
      bonusWrittenOff: BONUSES.odd,
      giftPointsWrittenOff: BONUSES.twentyOne,
      accrued: BONUSES.one,
      cash: MONEY,
      waiterDebt: MONEY,
    },
  ],
  'order.refunded': [{ guestId: 'g-1', bonusReturned: BONUSES.odd, giftPointsReturned: BONUSES.three, accrualReversed: BONUSES.one, waiterDebtReversed: MONEY }],
  'order.reservations_released': [
    { guestId: 'g-1', guestName: 'Иванов Иван', bonus: BONUSES.odd, gifts: [{ giftId: 'v-1', giftName: 'Капучино', points: BONUSES.three }], idleHours: 12 },
    { guestId: null, guestName: null, bonus: BONUSES.one, gifts: [], idleHours: 1 },
    { guestId: 'g-1', guestName: 'Иванов Иван', bonus: 0, gifts: [{ giftId: 'v-1', giftName: 'Капучино', points: BONUSES.three }], idleHours: null },
  ],
  'cash.handed_in': [{ amount: MONEY, debtAfter: MONEY, recordedBy: 'Ольга' }],
  'shift.closed': [{ shift: 12, from: '2026-11-27T03:00:00.000Z', to: '2026-11-27T23:30:00.000Z', closedBy: 'Ольга', debtOutstanding: MONEY }],
  'request.refused': [{ route: 'POST /GetMeBack/orders/x/checkin', message: waiterMessage('ru', 'unknownCode', 'a1b2c3d4') }],
  'server.error': [{ route: 'POST /GetMeBack/orders/x/payments', message: 'SQLITE_BUSY: database is locked', requestId: 'a1b2c3d4' }],
  'provider.status': [
    { provider: 'cloud', online: false, lastError: 'fetch failed: ETIMEDOUT', trouble: 'unreachable', parked: 21, outbox: 3 },
    { provider: 'cloud', online: true, lastError: 'the cloud said: invalid api_key', trouble: 'refused', parked: 1, outbox: 0 },
    { provider: 'cloud', online: false, lastError: 'the cloud is not configured', trouble: 'notConfigured', parked: 0, outbox: 0 },
    { provider: 'local', online: true, lastError: null, trouble: null, parked: 0, outbox: 0 },
  ],
  'backup.failed': [{ reason: 'daily', folder: '/mnt/share/backups', message: 'ENOSPC: no space left on device' }],
  'update.failed': [
    { stage: 'check', version: null, message: 'net::ERR_NAME_NOT_RESOLVED' },
    { stage: 'download', version: '0.2.0', message: 'socket hang up' },
    { stage: 'verify', version: '0.2.0', message: 'sha512 checksum mismatch' },
  ],
  'storage.failed': [
    { kind: 'full', code: 'SQLITE_FULL', message: 'database or disk is full' },
    { kind: 'readOnly', code: 'SQLITE_READONLY', message: 'attempt to write a readonly database' },
    { kind: 'ioError', code: 'SQLITE_IOERR_WRITE', message: 'disk I/O error' },
  ],
  'storage.recovered': [{ kind: 'full', since: '2026-11-29T11:05:00.000Z', refused: 21 }],
  'settings.changed': [{ keys: Object.keys(DEFAULT_SETTINGS).concat('server.port', 'notifications.checkIn', 'cloud.apiVersion'), restartNeeded: true }],
};
const ALL_EVENTS = TILL_EVENT_TYPES.flatMap((type) => (EVENTS[type] as TillEventPayloads[typeof type][]).map((data) => event(type, data)));

/** Every string of the dashboard's Russian catalogue, its functions called with Russian figures. */
function catalogueTexts(value: unknown, where: string): void {
  if (typeof value === 'string') collect(where, value);
  else if (typeof value === 'function') {
    const sample = ['Иванов Иван', formatRoubles(MONEY, 'ru'), formatBonuses(BONUSES.odd, 'ru')];
    collect(where, String((value as (...args: string[]) => unknown)(...sample.slice(0, Math.max(1, value.length)))));
  } else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) catalogueTexts(inner, `${where}.${key}`);
}

let till: TestTill | undefined;
afterAll(async () => {
  await till?.close();
});

describe('every Russian text of the till', () => {
  it('is gathered from the dashboard, feed, waiter popups, notifications, tray, simulator and errors', async () => {
    catalogueTexts(ru, 'dashboard');
    for (const one of ALL_EVENTS) {
      const line = feedLine(one, 'ru');
      collect(`feed ${one.type}`, line.title, line.details.join(' · '));
    }
    collect('setting labels', settingLabels(['server.port', 'bonusPaymentTypeId', 'someday.unknown'], ru.settings));

    const figures = {
      name: 'Иванов Иван',
      gift: 'Капучино',
      // Sums travel as hundredths: each message formats them in its own language (bonuses, or roubles).
      available: BONUSES.odd,
      needed: BONUSES.twentyOne,
      sum: BONUSES.three,
      max: BONUSES.one,
      heldElsewhere: BONUSES.twentyOne,
      address: '192.168.0.21',
    };
    // One set of figures serves every message (each takes the ones it needs), so the key is not narrowed here.
    const anyMessage = waiterMessage as (language: 'ru', key: string, code: string, params: typeof figures) => string;
    for (const key of WAITER_MESSAGE_KEYS) collect(`waiter ${key}`, anyMessage('ru', key, 'a1b2c3d4', figures));
    for (const key of ADMIN_MESSAGE_KEYS) collect(`admin ${key}`, adminMessage('ru', key, 'a1b2c3d4'));
    for (const kind of CLOUD_REASON_KINDS) {
      collect(`cloud ${kind}`, cloudReasonText(cloudReason(kind, { message: 'Чек отклонён', status: 409, waitedMs: 10_000 }), 'ru'));
      collect(`cloud ${kind}, no words of the cloud`, cloudReasonText(cloudReason(kind), 'ru'));
    }
    collect('cloud refund dropped with its payment', droppedWithPaymentText({ payment: 'op-1', by: 'Ольга', at: '2026-06-10T12:05:09.000Z', note: 'проведено в кабинете' }, 'ru'));
    collect('cloud refund dropped with its payment, by the till', droppedWithPaymentText({ payment: 'op-1', by: null, at: '2026-06-10T12:05:09.000Z', note: '' }, 'ru'));

    const settings = { ...DEFAULT_SETTINGS, language: 'ru' as const, notifications: { ...DEFAULT_SETTINGS.notifications, debtThreshold: 100 } };
    for (const one of ALL_EVENTS) {
      const notice = notificationFor(one, { settings, paused: false, waiterDebtTotal: null });
      collect(`notification ${one.type}`, notice?.title, notice?.body);
    }
    const quiet = { ...settings, notifications: { ...settings.notifications, debtThreshold: 0 } };
    const paid = notificationFor(ALL_EVENTS.find((one) => one.type === 'payment.committed') as TillEvent, { settings: quiet, paused: false, waiterDebtTotal: null });
    collect('notification payment', paid?.title, paid?.body);

    const states: ServerState[] = [
      { kind: 'starting' },
      { kind: 'running', host: '0.0.0.0', port: 3000, localUrl: 'http://127.0.0.1:3000' },
      { kind: 'stopping' },
      { kind: 'stopped' },
      { kind: 'error', portInUse: 3000, message: 'listen EADDRINUSE', localUrl: 'http://127.0.0.1:41234' },
      { kind: 'error', portInUse: null, message: 'listen EACCES: permission denied', localUrl: null },
    ];
    for (const serverState of states) {
      for (const paused of [false, true]) {
        const model = trayModel({
          serverState,
          providerStatus: { provider: 'cloud', online: false, lastError: 'ETIMEDOUT', trouble: 'unreachable', parked: 0, outbox: 21 },
          settings,
          serverAddress: 'http://192.168.0.108:3000/GetMeBack',
          notificationsPaused: paused,
          language: 'ru',
          update: paused ? { kind: 'downloaded', version: '0.2.0' } : { kind: 'failed', stage: 'verify', version: '0.2.0', at: '2026-11-29T12:00:00.000Z' },
        });
        collect(`tray ${serverState.kind}`, model.tooltip, ...model.items.map((item) => item.label));
      }
      const server = notificationForServer(serverState, { settings, paused: false });
      collect(`server notification ${serverState.kind}`, server?.title, server?.body);
    }

    collect('data folder held', lockHeldText({ pid: 1, user: 'Кассир', host: 'КАССА-1', since: '2026-12-02T09:00:00.000Z' }, 'ru'), lockHeldText(null, 'ru'));
    const dialog = portTakenDialog(3000, 'ru');
    collect('tray port-taken dialog', dialog.title, dialog.message, dialog.detail);
    for (const one of EVENTS['provider.status']) collect('provider trouble', ...providerTroubleTexts(one, 'ru'));
    for (const state of UPDATE_STATES) collect(`update ${state.kind}`, updateStateText(state, 'ru'));
    collect('update install', installUpdateLabel('0.2.0', 'ru'));
    for (const state of UPDATE_STATES) collect(`update tray ${state.kind}`, updateTrayLine(state, 'ru'));
    for (const key of CASH_MESSAGE_KEYS) {
      const params = { amount: MONEY, name: 'Анна', debt: MONEY, earlier: MONEY, at: '2026-12-02T09:00:00.000Z', id: 'pin:9f86d081', shift: 12, open: 13 };
      collect(`cash ${key}`, cashMessage('ru', key as CashMessageKey, params as never));
    }
    for (const key of BACKUP_MESSAGE_KEYS) collect(`backup ${key}`, backupMessage('ru', key));
    for (const permission of WAITER_PERMISSIONS) collect('permissions', permission.ru);

    const russianErrors = { error: validationErrors('ru') };
    const badSettings = [
      Settings.safeParse({ ...DEFAULT_SETTINGS, server: { ...DEFAULT_SETTINGS.server, port: 99_999, host: '' } }, russianErrors),
      Settings.safeParse({ ...DEFAULT_SETTINGS, bonusPaymentTypeId: 'бонусы', language: 'de', cloud: { ...DEFAULT_SETTINGS.cloud, accountUrl: 'кабинет' } }, russianErrors),
      SettingsPatch.safeParse({ server: { port: 'три тысячи' }, payInTypeId: 'x'.repeat(129), notifications: { debtThreshold: -1, enabled: 'да' } }, russianErrors),
    ];
    for (const result of badSettings) collect('validation', ...(result.error?.issues.map((issue) => issue.message) ?? []));

    const wire = (hundredths: number) => hundredths / 100;
    collect(
      'simulator screen',
      ...screen.orderLines({
        OrderId: ORDER,
        Guest: { Id: 'g-1', FullName: 'Иванов Иван', Balance: wire(BONUSES.odd), Available: wire(BONUSES.twentyOne) },
        OfferedGifts: [{ Id: 'v-2', Name: 'Десерт дня', ProductCode: '1002', Points: wire(BONUSES.one) }],
        Gifts: [{ Id: 'v-1', Name: 'Капучино', ProductCode: '1001', Points: wire(BONUSES.three), GuestId: 'g-1', Status: 'Redeemed' }],
        BonusPayment: { Sum: wire(BONUSES.odd), MaxSum: wire(BONUSES.many) },
        Status: 'Refunded',
      }),
      ...screen.giftAddedLines({ Id: 'v-1', Name: 'Капучино', ProductCode: '1001', Points: wire(BONUSES.odd), Price: 0, Amount: 1 } as never),
      ...screen.paymentLines({
        OrderId: ORDER,
        BonusWrittenOff: wire(BONUSES.odd),
        GiftPointsWrittenOff: wire(BONUSES.twentyOne),
        Accrued: wire(BONUSES.one),
        GiftsRedeemed: ['v-1'],
        WaiterDebt: wire(MONEY),
        Balance: wire(BONUSES.three),
      }),
      ...screen.refundLines({
        OrderId: ORDER,
        BonusReturned: wire(BONUSES.odd),
        GiftPointsReturned: wire(BONUSES.one),
        AccrualReversed: wire(BONUSES.twentyOne),
        WaiterDebtReversed: wire(MONEY),
        Balance: wire(BONUSES.many),
      } as never),
      ...screen.healthLines({ Status: 'ok', Version: '1.0.0', Provider: 'cloud', Outbox: 3 }),
      ...screen.waiterCashLines([{ id: 'pin:abc', name: 'Анна', debt: MONEY }]),
      ...screen.waiterCashLines([]),
      ...(screen.problemLines({ status: 200, text: '', body: { WaiterMessage: waiterMessage('ru', 'noGuest', 'a1b2c3d4') } }) ?? []),
    );

    // The simulator's whole story against a real till, with and without bonus payments set up.
    for (const bonusPaymentTypeId of [undefined, '']) {
      await till?.close();
      till = await startTestTill(bonusPaymentTypeId === undefined ? {} : { settings: { bonusPaymentTypeId } });
      const lines: string[] = [];
      await runDemo(new WaiterClient(till.waiterUrl, '1111'), (line) => lines.push(...line.split('\n')), { bonusTypeId: null });
      // The first line names the till's address and the order's id: addresses, not words.
      collect('simulator demo', ...lines);
    }

    expect(texts.length).toBeGreaterThan(400);
    for (const where of ['dashboard', 'feed', 'waiter', 'notification', 'tray', 'simulator', 'validation', 'cash']) {
      expect(texts.some((one) => one.where.startsWith(where)), where).toBe(true);
    }
  });

  it('has no Latin word but iiko’s field names and product names, and those come after the Russian words', () => {
    const found = texts.flatMap(({ where, text }) => [...latinWords(text), ...iikoNamesFirst(text)].map((word) => `${where}: «${word}» in «${text}»`));
    expect(found).toEqual([]);
  });

  it('never shows bonuses with «₽»', () => {
    const found = texts.flatMap(({ where, text }) => roublesBesideBonuses(text).map((bad) => `${where}: «${bad}» in «${text}»`));
    expect(found).toEqual([]);
    // The distinctive bonus figure 777,77 is always counted in bonuses, whatever the sentence.
    const odd = texts.filter(({ text }) => /777,77[\s\u00a0]*₽/u.test(text));
    expect(odd.map(({ where, text }) => `${where}: ${text}`)).toEqual([]);
    expect(texts.some(({ text }) => text.includes('777,77\u00a0бонуса') || text.includes('777,77 бонуса'))).toBe(true);
  });

  it('puts every counted word in the form its number asks for, and uses none of the retired words', () => {
    const found = texts.flatMap(({ where, text }) => [...pluralMistakes(text), ...retiredWords(text)].map((bad) => `${where}: «${bad}» in «${text}»`));
    expect(found).toEqual([]);
    for (const form of ['21\u00a0бонус', '1\u00a0бонус', '3\u00a0бонуса', '21\u00a0операция']) expect(texts.some(({ text }) => text.includes(form)), form).toBe(true);
  });
});

describe('the English texts', () => {
  it('count bonuses in bonuses too, never in roubles or points', () => {
    const english: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') english.push(value);
      else if (typeof value === 'function') english.push(String((value as (...args: string[]) => unknown)('Ivanov', formatRoubles(MONEY, 'en'), formatBonuses(BONUSES.odd, 'en'))));
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(en);
    for (const one of ALL_EVENTS) {
      const line = feedLine(one, 'en');
      english.push(line.title, ...line.details);
      const notice = notificationFor(one, { settings: { ...DEFAULT_SETTINGS, language: 'en' }, paused: false, waiterDebtTotal: null });
      if (notice) english.push(notice.title, notice.body);
    }
    const anyMessage = waiterMessage as (language: 'en', key: string, code: string, params: object) => string;
    const figures = { name: 'Ivanov', gift: 'Cappuccino', available: BONUSES.odd, needed: BONUSES.one, sum: BONUSES.three, max: BONUSES.twentyOne, heldElsewhere: BONUSES.one, address: '192.168.0.21' };
    for (const key of WAITER_MESSAGE_KEYS) english.push(anyMessage('en', key, 'a1b2c3d4', figures));
    expect(english.length).toBeGreaterThan(200);
    expect(english.flatMap((text) => roublesBesideBonuses(text).map((bad) => `«${bad}» in «${text}»`))).toEqual([]);
    expect(english.filter((text) => /\bpoints?\b|777\.77[\s\u00a0]*₽/.test(text))).toEqual([]);
    expect(english.some((text) => text.includes('777.77\u00a0bonuses'))).toBe(true);
  });
});

describe('the checks themselves', () => {
  it('catch what issue 21 found in the old texts', () => {
    expect(roublesBesideBonuses('недостаточно баллов: доступно 90,50 ₽')).toEqual([]);
    expect(retiredWords('недостаточно баллов: доступно 90,50 ₽')).toEqual(['балл']);
    expect(roublesBesideBonuses('Иванов · бонусов 1\u00a0500,00\u00a0₽')).toEqual(['бонусов 1\u00a0500,00\u00a0₽']);
    expect(roublesBesideBonuses('Пречек на 1200 ₽, из них 300 ₽ бонусами')).toEqual(['300 ₽ бонусами']);
    expect(roublesBesideBonuses('500 бонусов на заказ 2\u00a0400,00\u00a0₽')).toEqual([]);
    expect(roublesBesideBonuses('Ivanov · bonuses 1,500.00\u00a0₽')).toEqual(['bonuses 1,500.00\u00a0₽']);
    expect(latinWords('Too big: expected number to be <=65535')).toEqual(['Too', 'big', 'expected', 'number', 'to', 'be']);
    expect(latinWords('Наличные под отчёт официанту (Money To Be Accounted For By Waiter), ID 6f2c…, PS_ADM, http://127.0.0.1:3000/GetMeBack')).toEqual([]);
    expect(iikoNamesFirst('Money To Be Accounted For By Waiter (наличные под отчёт официанта)')).toEqual(['Money To Be Accounted For By Waiter']);
    expect(pluralMistakes('начислено 1 бонусов, 21 бонусов, 3 бонусов, 5 бонус, 90,5 бонусов')).toEqual([
      '1 бонусов',
      '21 бонусов',
      '3 бонусов',
      '5 бонус',
      '90,5 бонусов',
    ]);
    expect(pluralMistakes('1 бонус, 22 бонуса, 11 бонусов, 90,5 бонуса, 1 500 бонусов')).toEqual([]);
    expect(retiredWords('Сдача наличных в кассу · GetMeBack Касса · Встроенная книга лояльности · Гость отметился')).toHaveLength(4);
    expect(russianTextProblems('Чекин гостя: баланс 21\u00a0бонус')).toEqual([]);
  });
});

describe('the source', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const sources = (dir: string): string[] =>
    readdirSync(path.join(root, dir)).flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(path.join(root, file)).isDirectory()) return sources(file);
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('text-check.ts') ? [file] : [];
    });

  it('builds no plural by hand: a number is never glued to a counted word in a template', () => {
    const handBuilt = /\$\{[^}]*\}[\s\u00a0]*(?:бонус|балл|операци|событи|символ|секунд|минут|час|дн|point|bonus)\p{L}*/gu;
    const found = ['main', 'shared', 'renderer/src'].flatMap(sources).flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(handBuilt)].map((match) => `${file}: ${match[0]}`),
    );
    expect(found).toEqual([]);
  });
});
