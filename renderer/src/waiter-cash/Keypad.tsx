import type { KeyboardEvent, MouseEvent } from 'react';
import type { Language } from '../../../shared/i18n/language.js';
import { formatRoubles } from '../format/money.js';
import { useTexts } from '../stores/status-store.js';
import { keypadKeyOf, offeredEntry, pressKey, separatorOf, type KeypadEntry, type KeypadKey, type QuickAmount } from './keypad-entry.js';

/** Digits as on a till's keypad (7 8 9 on top); backspace and clear take the right-hand column. */
const KEYS: KeypadKey[] = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '00', '0', 'decimal', 'backspace', 'clear'];

/** A keypad button must not take the focus from the money field, so a physical keyboard still types there. */
const keepFocus = (press: MouseEvent) => press.preventDefault();

/**
 * Keys a money field with the keypad's rules, for its `onKeyDown`: the same key on a physical
 * keyboard does what the on-screen one does. Enter, Tab, Escape and shortcuts pass through.
 */
export function keypadKeyDown(entry: KeypadEntry, language: Language, onChange: (entry: KeypadEntry) => void) {
  return (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = keypadKeyOf(event.key);
    if (!key) return;
    event.preventDefault();
    // The field's whole text selected (as on focus) is replaced by the next digit, like an offered sum.
    const field = event.target instanceof HTMLInputElement ? event.target : null;
    const wholeSelected = field !== null && field.value !== '' && field.selectionStart === 0 && field.selectionEnd === field.value.length;
    onChange(pressKey(wholeSelected ? { ...entry, fresh: true } : entry, key, language));
  };
}

/**
 * The on-screen numeric keypad of a money field (iikoFront-style): digits, "00", the separator,
 * backspace and clear, and the quick amounts the dialog offers. Big keys for a finger.
 */
export function Keypad(props: { entry: KeypadEntry; language: Language; onChange: (entry: KeypadEntry) => void; quick?: QuickAmount[]; wholeLabel?: string }) {
  const t = useTexts();
  const { entry, language, onChange } = props;
  const press = (key: KeypadKey) => onChange(pressKey(entry, key, language));
  const money = (kopecks: number) => formatRoubles(kopecks, language);
  const label = (key: KeypadKey) => (key === 'backspace' ? t.keypad.backspace : key === 'clear' ? t.keypad.clear : key === 'decimal' ? t.keypad.decimal : undefined);
  const face = (key: KeypadKey) => (key === 'backspace' ? '⌫' : key === 'clear' ? 'C' : key === 'decimal' ? separatorOf(language) : key);
  return (
    <div className="keypad-block">
      {props.quick && props.quick.length > 0 && (
        <div className="quick-amounts" role="group" aria-label={t.keypad.quick}>
          {props.quick.map((amount) => (
            <button
              key={amount.kopecks}
              type="button"
              className="quick-amount"
              onMouseDown={keepFocus}
              onClick={() => onChange(offeredEntry(amount.kopecks, language))}
              aria-label={amount.kind === 'rounded' ? t.keypad.rounded(money(amount.kopecks)) : undefined}
            >
              {amount.kind === 'whole' && <span className="quick-kind">{props.wholeLabel}</span>}{' '}
              <span className="quick-sum">{money(amount.kopecks)}</span>
            </button>
          ))}
        </div>
      )}
      <div className="keypad" role="group" aria-label={t.keypad.label} onKeyDown={keypadKeyDown(entry, language, onChange)}>
        {KEYS.map((key) => (
          <button key={key} type="button" className={`key key-${key}`} onMouseDown={keepFocus} onClick={() => press(key)} aria-label={label(key)}>
            {face(key)}
          </button>
        ))}
      </div>
    </div>
  );
}
