import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import type { WaiterCashSummary as WaiterSummary } from '../../../shared/admin/waiter-cash.js';
import { formatRoubles } from '../format/money.js';
import { Keypad, keypadKeyDown } from './Keypad.js';
import { offeredEntry, quickAmounts, typedEntry } from './keypad-entry.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { useWaitersStore } from './waiters-store.js';
import { handInAmount, newIdempotencyKey } from './hand-in.js';
import { HandInSlip } from './HandInSlip.js';
import { printPiece } from './print-paper.js';
import { forgetUnansweredHandIn, keepUnansweredHandIn, unansweredHandIn } from './unanswered-hand-in.js';
import { waiterName } from './waiter-name.js';

type Step =
  | { name: 'amount' }
  | { name: 'confirm'; amount: number }
  | { name: 'done'; amount: number; debt: number; at: string }
  /** The till had already recorded this dialog's hand-in (its answer was lost) and refused another amount: it says what it recorded. */
  | { name: 'alreadyRecorded'; message: string };

/**
 * Recording cash a waiter hands in: the amount (the whole debt unless changed), then a confirmation
 * that says what the debt will be. The whole dialog sends one idempotency key, so pressing
 * "Confirm" twice, or again after a network error, records the hand-in once.
 */
export function HandInDialog({ waiter: opened, onClose }: { waiter: WaiterSummary; onClose: () => void }) {
  // The waiter as the till says now: a refund while the dialog is open lowers the debt it shows.
  const waiter = useWaitersStore((state) => state.waiters.find((known) => known.id === opened.id)) ?? opened;
  const t = useTexts();
  const language = useLanguage();
  const handIn = useWaitersStore((state) => state.handIn);
  const dialogRef = useRef<HTMLDialogElement>(null);
  // A hand-in of this waiter's left unanswered (the dialog closed after «не ответил»): this dialog
  // repeats it under its key — recorded once — rather than a new one the till would record again.
  const [unanswered, setUnanswered] = useState(() => unansweredHandIn(opened.id));
  const [idempotencyKey] = useState(() => unanswered?.idempotencyKey ?? newIdempotencyKey());
  const [step, setStep] = useState<Step>(() => (unanswered ? { name: 'confirm', amount: unanswered.amount } : { name: 'amount' }));
  const [entry, setEntry] = useState(() => offeredEntry(waiter.debt, language));
  const [note, setNote] = useState(unanswered?.note ?? '');
  const [recordedBy, setRecordedBy] = useState(unanswered?.recordedBy ?? '');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Once a confirmation went unanswered (here, or before the dialog was opened again) the till may have
  // recorded it: the amount is no longer changed (no «Назад»), so pressing again repeats the same
  // hand-in and can never record a second one.
  const answerLost = unanswered !== null;
  const name = waiterName(waiter, t);
  const money = (kopecks: number) => formatRoubles(kopecks, language);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const next = (submit: FormEvent) => {
    submit.preventDefault();
    const amount = handInAmount(entry.text, waiter.debt);
    if (amount === null) return setAmountError(t.cash.badAmount);
    setAmountError(null);
    setStep({ name: 'confirm', amount });
  };

  const confirm = async (amount: number) => {
    setBusy(true);
    setError(null);
    try {
      const result = await handIn(waiter.id, { amount, note, recordedBy, idempotencyKey });
      forgetUnansweredHandIn(waiter.id);
      setStep({ name: 'done', amount: result.handIn.amount, debt: result.debt, at: result.handIn.at });
    } catch (caught) {
      if (caught instanceof ApiError) {
        const onAmount = caught.fieldErrors.find((fieldError) => fieldError.field === 'amount');
        if (onAmount) {
          setAmountError(onAmount.message);
          setStep({ name: 'amount' });
          // The debt changed under the dialog (a refund): read it again, so what it shows is the till's.
          void useWaitersStore.getState().load();
        } else if (caught.fieldErrors.some((fieldError) => fieldError.field === 'idempotencyKey')) {
          forgetUnansweredHandIn(waiter.id);
          setStep({ name: 'alreadyRecorded', message: caught.message });
          void useWaitersStore.getState().load();
        } else setError(caught.message);
      } else {
        const lost = { idempotencyKey, amount, note, recordedBy };
        keepUnansweredHandIn(waiter.id, lost);
        setUnanswered(lost);
        setError(t.cash.noAnswer);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="hand-in-title" onClose={onClose}>
      <h2 id="hand-in-title">{t.cash.handInFor(name)}</h2>
      <p className="big">
        {t.cash.debt}: {money(waiter.debt)}
      </p>
      {step.name === 'amount' && (
        <form onSubmit={next} noValidate className="hand-in-form">
          <div className="field amount-field">
            <label htmlFor="hand-in-amount">{t.cash.amount}</label>
            <input
              id="hand-in-amount"
              className="money-input"
              inputMode="none"
              autoComplete="off"
              autoFocus
              value={entry.text}
              onFocus={(focus) => focus.target.select()}
              onChange={(change) => setEntry(typedEntry(change.target.value))}
              onKeyDown={keypadKeyDown(entry, language, setEntry)}
              aria-invalid={amountError !== null}
              aria-describedby="hand-in-amount-hint hand-in-amount-error"
            />
            <p id="hand-in-amount-hint" className="hint">
              {t.cash.amountHint}
            </p>
            {amountError && (
              <p id="hand-in-amount-error" className="field-error" role="alert">
                <span aria-hidden="true">⚠ </span>
                {amountError}
              </p>
            )}
          </div>
          <Keypad entry={entry} language={language} onChange={setEntry} quick={quickAmounts(waiter.debt)} wholeLabel={t.cash.full} />
          <div className="field">
            <label htmlFor="hand-in-recorded-by">{t.cash.recordedBy}</label>
            <input id="hand-in-recorded-by" value={recordedBy} onChange={(change) => setRecordedBy(change.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="hand-in-note">{t.cash.note}</label>
            <input id="hand-in-note" value={note} onChange={(change) => setNote(change.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {t.cash.next}
            </button>
            <button type="button" onClick={onClose}>
              {t.cash.cancel}
            </button>
          </div>
        </form>
      )}
      {step.name === 'confirm' && (
        <div>
          {/* Focus on the text, not on «Подтвердить»: a second Enter from the amount (a held or bouncing key) must not confirm unread. */}
          <p className="confirm-text" tabIndex={-1} autoFocus>
            {/* Repeating an unanswered hand-in: the debt shown may already be after it, so no «Останется долг» that could be wrong. */}
            {answerLost ? t.cash.confirmAgainText(money(step.amount), name) : t.cash.confirmText(money(step.amount), name, money(waiter.debt - step.amount))}
          </p>
          {unanswered && !error && <p className="note">{t.cash.unansweredAgain}</p>}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void confirm(step.amount)}>
              {t.cash.confirm}
            </button>
            {answerLost ? (
              <button type="button" disabled={busy} onClick={onClose}>
                {t.cash.cancel}
              </button>
            ) : (
              <button type="button" disabled={busy} onClick={() => setStep({ name: 'amount' })}>
                {t.cash.back}
              </button>
            )}
          </div>
        </div>
      )}
      {step.name === 'alreadyRecorded' && (
        <div>
          <p className="confirm-text" role="alert">
            {step.message}
          </p>
          <div className="actions">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              {t.cash.close}
            </button>
          </div>
        </div>
      )}
      {step.name === 'done' && (
        <div>
          <p className="confirm-text" role="status">
            {t.cash.saved(money(step.amount), money(step.debt))}
          </p>
          <HandInSlip waiter={name} amount={step.amount} debtAfter={step.debt} at={step.at} cashier={recordedBy.trim() || t.cash.cashierUnnamed} />
          <div className="actions">
            <button type="button" onClick={() => printPiece('slip', 'receipt')}>
              {t.cash.printSlip}
            </button>
            <button type="button" className="primary" autoFocus onClick={onClose}>
              {t.cash.close}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
