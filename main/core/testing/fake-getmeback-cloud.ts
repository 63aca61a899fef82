import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import Koa from 'koa';
import { kopecksFromWire, kopecksToWire } from '../../../shared/money.js';

/**
 * A GetMeBack cloud for tests: a real HTTP server on 127.0.0.1 speaking the API as
 * `providers/cloud/getmeback-api.ts` assumes it, with switches to make it slow, failing, silent or
 * gone, and counters that prove each operation arrived exactly once.
 */

export interface FakeGuest {
  id: string;
  name: string;
  phone?: string;
  /** QR tokens (`id_device`) of the guest. */
  devices?: string[];
  /** Kopecks. */
  balance: number;
  /** The guest's own rules, sent in the client as `k_bonus` (percent) and `maxPayBonusK` (as given). */
  kBonus?: number;
  maxPayBonusK?: number;
  /** Gifts listed inside the client (`gifts[] {name, price, can_use}`). */
  listedGifts?: { name: string; price: number; can_use: boolean }[];
}

/**
 * The answer shapes public client code shows: `result: "ok"|"error"` (the default); `success` +
 * `data`; a bare client object (errors as `{error}`); a list of clients (an unknown code: `[]`).
 */
export type FakeDialect = 'result' | 'success' | 'bare' | 'list';

/** Where and how the account takes a phone: the field and the sub-path of the validator ('' or 'client/'). */
export interface FakePhoneForm {
  path: '' | 'client/';
  field: 'login' | 'phone';
}

export interface FakeGift {
  id: string;
  clientId: string;
  name: string;
  productCode: string;
  /** Kopecks the gift costs the guest. */
  points: number;
  qr: string;
  used?: boolean;
}

/**
 * How the cloud answers: normally; `{result: "error"}`; HTTP 500; never (the request hangs until
 * the fake is closed or taken down).
 */
export type FakeCloudMode = 'ok' | 'error' | 'http500' | 'hang';

export interface FakeGetMeBackCloud {
  /** The account address to put in `settings.cloud.accountUrl`. */
  readonly url: string;
  readonly apiKey: string;
  behave(mode: FakeCloudMode, errorMessage?: string): void;
  /** Answers this many ms late (after doing the work), for every call or one kind only. */
  slow(ms: number, only?: 'lookups' | 'operations'): void;
  /** Operations wait, undone, until the returned function is called. */
  holdOperations(): () => void;
  /** Operations are applied, but their answer never comes (the till times out): the cloud counted what the till saw fail. */
  loseOperationAnswers(on: boolean): void;
  /** Each operation waits a random 0…`maxMs` ms before it is applied (0: none), so calls sent together finish out of order. */
  randomDelay(maxMs: number): void;
  /** This guest's operations are never answered nor applied (null: answered again). */
  silenceGuest(clientId: string | null): void;
  /** The most operations the cloud was working on at once, and how often one came while the same guest's was under way. */
  concurrency(): { most: number; sameGuestOverlaps: number };
  /** The operation with this `invoice_num` is refused (`result: "error"`) every time it arrives, until `null` is given. */
  refuseOperation(invoiceNum: string, message: string | null): void;
  /** Answers every operation with this status and text, as a cloud (or what stands before it) might; null: as the cloud does. */
  answerOperationsWith(answer: { status: number; text: string } | null): void;
  /** Answers in this dialect from now on. */
  speak(dialect: FakeDialect): void;
  /** Finds a guest by phone only in this form (null: `login` or `phone` on the bare validator, the default). */
  takePhoneAs(form: FakePhoneForm | null): void;
  /** Closes the port: connections are refused until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** Times an operation with this `invoice_num` arrived (first time or as a repeat, refused or not). */
  timesReceived(invoiceNum: string): number;
  /** `invoice_num`s in the order their operations were applied (each once). */
  applied(): string[];
  /** Kopecks. */
  balanceOf(clientId: string): number;
  giftUsed(giftId: string): boolean;
  /** Every request body as it arrived (the API key included), for tests of what was sent. */
  readonly requests: Record<string, unknown>[];
  close(): Promise<void>;
}

interface Effect {
  clientId: string;
  delta: number;
  giftId: string | null;
  answer: Record<string, unknown>;
}

export async function startFakeGetMeBackCloud(options: {
  apiKey?: string;
  apiVersion?: string;
  guests: FakeGuest[];
  gifts?: FakeGift[];
}): Promise<FakeGetMeBackCloud> {
  const apiKey = options.apiKey ?? 'secret-key-123';
  const path = `/rest/base/${options.apiVersion ?? 'v33'}/validator/`;
  let dialect: FakeDialect = 'result';
  let phoneForm: FakePhoneForm | null = null;
  const guests = new Map(options.guests.map((guest) => [guest.id, { ...guest }]));
  const gifts = new Map((options.gifts ?? []).map((gift) => [gift.id, { ...gift }]));
  const effects = new Map<string, Effect>();
  const received = new Map<string, number>();
  const appliedOrder: string[] = [];
  const requests: Record<string, unknown>[] = [];
  let mode: FakeCloudMode = 'ok';
  let operationAnswer: { status: number; text: string } | null = null;
  let errorMessage = 'Внутренняя ошибка';
  let delay = { ms: 0, only: null as 'lookups' | 'operations' | null };
  let held: Promise<void> | null = null;
  let answersLost = false;
  const refusals = new Map<string, string>();
  let maxRandomDelayMs = 0;
  let silencedGuest: string | null = null;
  const working = new Map<string, number>();
  let workingNow = 0;
  const concurrency = { most: 0, sameGuestOverlaps: 0 };

  const clientView = (guest: FakeGuest) => ({
    id_client: guest.id,
    name: guest.name,
    phone: guest.phone ?? '',
    balance: kopecksToWire(guest.balance),
    ...(guest.kBonus === undefined ? {} : { k_bonus: guest.kBonus }),
    ...(guest.maxPayBonusK === undefined ? {} : { maxPayBonusK: guest.maxPayBonusK }),
    ...(guest.listedGifts ? { gifts: guest.listedGifts } : {}),
  });
  /** An answer in the dialect spoken: `client` (and `gift`) found, or an error. */
  function say(found: { client: Record<string, unknown>; gift?: Record<string, unknown> } | { error: string }): unknown {
    if ('error' in found) {
      if (dialect === 'result') return { result: 'error', message: found.error };
      if (dialect === 'success') return { success: false, message: found.error };
      if (dialect === 'list' && /не найден/.test(found.error)) return [];
      return { error: found.error };
    }
    const client = found.gift ? { ...found.client, gift: found.gift } : found.client;
    if (dialect === 'result') return { result: 'ok', ...found };
    if (dialect === 'success') return { success: true, data: found.gift ? found : found.client };
    if (dialect === 'bare') return client;
    return [client];
  }
  const giftView = (gift: FakeGift) => ({ id_gift: gift.id, name: gift.name, product_code: gift.productCode, points: kopecksToWire(gift.points), used: gift.used === true });
  const error = (message: string) => ({ result: 'error', message });
  const money = (value: unknown): number => kopecksFromWire(Number(value ?? 0)) ?? 0;

  function lookup(body: Record<string, unknown>, subPath: string): unknown {
    const text = (value: unknown) => (value === undefined ? undefined : String(value));
    const device = text(body.id_device);
    const phoneHere = phoneForm === null ? subPath === '' : subPath === phoneForm.path;
    const login = phoneHere ? text(phoneForm === null ? (body.login ?? body.phone) : body[phoneForm.field]) : undefined;
    const clientId = text(body.id_client);
    const giftId = text(body.id_gift);
    const gift = [...gifts.values()].find((g) => (device !== undefined && g.qr === device) || g.id === giftId);
    const guest = gift
      ? guests.get(gift.clientId)
      : [...guests.values()].find((g) => g.devices?.includes(device ?? '\0') || (login !== undefined && g.phone === login) || g.id === clientId);
    if (!guest) return say({ error: 'Клиент не найден' });
    return say({ client: clientView(guest), ...(gift ? { gift: giftView(gift) } : {}) });
  }

  function operate(body: Record<string, unknown>): unknown {
    const answer = apply(body);
    return answer.result === 'ok' ? say({ client: answer.client as Record<string, unknown> }) : say({ error: String(answer.message) });
  }

  function apply(body: Record<string, unknown>): Record<string, unknown> {
    const invoice = String(body.invoice_num ?? '');
    if (!invoice) return error('invoice_num обязателен');
    received.set(invoice, (received.get(invoice) ?? 0) + 1);
    const refusal = refusals.get(invoice);
    if (refusal) return error(refusal);
    const done = effects.get(invoice);
    if (done) return done.answer;
    const guest = guests.get(String(body.id_client));
    if (!guest) return error('Клиент не найден');
    let delta = 0;
    let giftId: string | null = null;
    if (body.type === 'bonus') {
      delta = money(body.bonus_value) - money(body.paid_bonus);
    } else if (body.type === 'gift') {
      const gift = gifts.get(String(body.id_gift));
      if (!gift || gift.clientId !== guest.id) return error('Подарок не найден');
      if (gift.used) return error('Подарок уже использован');
      gift.used = true;
      giftId = gift.id;
      delta = -gift.points;
    } else if (body.type === 'refund') {
      const original = effects.get(String(body.refund_invoice_num));
      if (!original) return error('Чек для возврата не найден');
      delta = -original.delta;
      giftId = original.giftId;
      if (giftId) (gifts.get(giftId) as FakeGift).used = false;
    } else {
      return error(`Неизвестный тип операции ${String(body.type)}`);
    }
    guest.balance += delta;
    const answer = { result: 'ok', client: clientView(guest) };
    effects.set(invoice, { clientId: guest.id, delta, giftId, answer });
    appliedOrder.push(invoice);
    return answer;
  }

  const app = new Koa();
  app.use(async (ctx) => {
    const subPath = ctx.path.startsWith(path) ? ctx.path.slice(path.length) : null;
    if (ctx.method !== 'POST' || (subPath !== '' && subPath !== 'client/')) {
      ctx.status = 404;
      return;
    }
    let body: Record<string, unknown>;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      ctx.body = error('Некорректный JSON');
      return;
    }
    requests.push(body);
    if (mode === 'hang') {
      await new Promise(() => undefined);
    }
    if (mode === 'http500') {
      ctx.status = 500;
      ctx.body = 'Internal Server Error';
      return;
    }
    if (mode === 'error') {
      ctx.body = error(errorMessage);
      return;
    }
    if (body.api_key !== apiKey) {
      ctx.body = error('Неверный ключ API');
      return;
    }
    const isOperation = typeof body.type === 'string';
    if (isOperation && operationAnswer) {
      ctx.status = operationAnswer.status;
      ctx.type = 'application/json';
      ctx.body = operationAnswer.text;
      return;
    }
    if (isOperation) {
      const clientId = String(body.id_client);
      if ((working.get(clientId) ?? 0) > 0) concurrency.sameGuestOverlaps += 1;
      working.set(clientId, (working.get(clientId) ?? 0) + 1);
      workingNow += 1;
      concurrency.most = Math.max(concurrency.most, workingNow);
      // Under way until answered or given up by the till (its connection closed).
      let over = false;
      const done = () => {
        if (over) return;
        over = true;
        working.set(clientId, (working.get(clientId) ?? 1) - 1);
        workingNow -= 1;
      };
      ctx.res.once('close', done);
      try {
        if (held) await held;
        if (clientId === silencedGuest) await new Promise(() => undefined);
        if (maxRandomDelayMs > 0) await sleep(Math.random() * maxRandomDelayMs);
        ctx.body = operate(body);
      } finally {
        done();
      }
    } else {
      ctx.body = lookup(body, subPath);
    }
    if (isOperation && answersLost) await new Promise(() => undefined);
    if (delay.ms > 0 && (delay.only === null || delay.only === (isOperation ? 'operations' : 'lookups'))) await sleep(delay.ms);
  });

  let server: Server = createServer(app.callback());
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const shut = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const port = await listen(0);

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    speak(next) {
      dialect = next;
    },
    takePhoneAs(form) {
      phoneForm = form;
    },
    behave(next, message) {
      mode = next;
      if (message) errorMessage = message;
    },
    slow(ms, only) {
      delay = { ms, only: only ?? null };
    },
    holdOperations() {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
    loseOperationAnswers(on) {
      answersLost = on;
    },
    randomDelay(maxMs) {
      maxRandomDelayMs = maxMs;
    },
    silenceGuest(clientId) {
      silencedGuest = clientId;
    },
    concurrency: () => ({ ...concurrency }),
    answerOperationsWith(answer) {
      operationAnswer = answer;
    },
    refuseOperation(invoiceNum, message) {
      if (message === null) refusals.delete(invoiceNum);
      else refusals.set(invoiceNum, message);
    },
    async down() {
      if (server.listening) await shut();
    },
    async up() {
      if (server.listening) return;
      server = createServer(app.callback());
      await listen(port);
    },
    timesReceived: (invoiceNum) => received.get(invoiceNum) ?? 0,
    applied: () => [...appliedOrder],
    balanceOf: (clientId) => (guests.get(clientId) as FakeGuest).balance,
    giftUsed: (giftId) => gifts.get(giftId)?.used === true,
    close: shut,
  };
}
