import type { ReactNode } from 'react';
import { isOverridden, type SettingsField, type SettingsForm } from './settings-form.js';
import { useSettingsForm } from './settings-form-context.js';

type TextFieldName = { [F in SettingsField]: SettingsForm[F] extends string ? F : never }[SettingsField];
type BooleanFieldName = { [F in SettingsField]: SettingsForm[F] extends boolean ? F : never }[SettingsField];

const idOf = (field: SettingsField) => `setting-${field.replaceAll('.', '-')}`;

/** The parts every field shows under its input: a hint, the override mark and the error. */
function FieldNotes({ field, hint }: { field: SettingsField; hint?: string | undefined }) {
  const { errors, overridden, t } = useSettingsForm();
  const id = idOf(field);
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {isOverridden(field, overridden) && (
        <p id={`${id}-overridden`} className="overridden">
          ⚑ {t.settings.overridden}
        </p>
      )}
      {errors[field] && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {errors[field]}
        </p>
      )}
    </>
  );
}

function describedBy(field: SettingsField, hint: boolean, overridden: readonly string[], error: boolean): string {
  const id = idOf(field);
  return [hint && `${id}-hint`, isOverridden(field, overridden) && `${id}-overridden`, error && `${id}-error`].filter(Boolean).join(' ');
}

export function TextField(props: {
  field: TextFieldName;
  label: string;
  hint?: string;
  type?: 'text' | 'password' | 'url';
  inputMode?: 'numeric' | 'decimal' | 'url';
  wide?: boolean;
  /** Several lines (one entry a line) instead of one. */
  lines?: number;
}) {
  const { form, set, errors, overridden } = useSettingsForm();
  const { field } = props;
  const id = idOf(field);
  const common = {
    id,
    spellCheck: false,
    value: form[field],
    'aria-invalid': errors[field] !== undefined,
    'aria-describedby': describedBy(field, props.hint !== undefined, overridden, errors[field] !== undefined) || undefined,
  };
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.lines ? (
        <textarea {...common} rows={props.lines} onChange={(change) => set(field, change.target.value as SettingsForm[typeof field])} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.type === 'password' ? 'new-password' : 'off'}
          onChange={(change) => set(field, change.target.value as SettingsForm[typeof field])}
        />
      )}
      <FieldNotes field={field} hint={props.hint} />
    </div>
  );
}

export function CheckField({ field, label, hint }: { field: BooleanFieldName; label: string; hint?: string }) {
  const { form, set, errors, overridden } = useSettingsForm();
  const id = idOf(field);
  return (
    <div className="field check">
      <label className="check-label">
        <input
          id={id}
          type="checkbox"
          checked={form[field]}
          onChange={(change) => set(field, change.target.checked)}
          aria-describedby={describedBy(field, hint !== undefined, overridden, errors[field] !== undefined) || undefined}
        />
        <span>{label}</span>
      </label>
      <FieldNotes field={field} hint={hint} />
    </div>
  );
}

export function ChoiceField<F extends 'provider' | 'language' | 'cloud.refunds'>(props: { field: F; legend: string; options: { value: SettingsForm[F]; label: ReactNode }[] }) {
  const { form, set, errors, overridden } = useSettingsForm();
  const id = idOf(props.field);
  return (
    <fieldset className="field choice" aria-describedby={describedBy(props.field, false, overridden, errors[props.field] !== undefined) || undefined}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className="radio">
          <input type="radio" name={id} value={option.value} checked={form[props.field] === option.value} onChange={() => set(props.field, option.value)} />
          {option.label}
        </label>
      ))}
      <FieldNotes field={props.field} />
    </fieldset>
  );
}
