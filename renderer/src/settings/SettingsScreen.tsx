import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { useSettingsStore } from './settings-store.js';
import type { Texts } from '../i18n/texts.js';
import { useStatusStore, useTexts } from '../stores/status-store.js';
import { formFromSettings, patchFromForm, type SettingsField, type SettingsForm } from './settings-form.js';
import { settingLabels } from './setting-labels.js';
import { SettingsFormContext, type SettingsFormBinding } from './settings-form-context.js';
import { SettingsSections } from './SettingsSections.js';

/** The form field a server error is about: each line of a list ("server.allowedRanges.2") is its field's. */
const fieldOf = (field: string) => field.replace(/\.\d+$/, '');

/** The server's errors by form field; a list's wrong lines are named together. */
function errorsByField(fieldErrors: readonly { field: string; message: string }[]): Partial<Record<SettingsField, string>> {
  const byField: Record<string, string> = {};
  for (const { field, message } of fieldErrors) {
    const key = fieldOf(field);
    byField[key] = byField[key] ? `${byField[key]}; ${message}` : message;
  }
  return byField;
}

/** Worded when shown, so switching the language on this very save words it in the new one. */
type Outcome = { tone: 'ok' | 'warn' | 'error'; text: (t: Texts) => string } | null;

/**
 * The manager's settings (`#/settings`, also the Electron settings window). Only changed fields are
 * sent; the server's verdict is shown next to each field, and a saved change says whether it is
 * already in effect or needs a restart.
 */
export function SettingsScreen() {
  const t = useTexts();
  const { current, failed, load, save } = useSettingsStore();
  const [initial, setInitial] = useState<SettingsForm | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  // Only a new copy from the server (a change made elsewhere) resets the form, and not mid-edit.
  useEffect(() => {
    if (!current) return;
    const editing = form !== null && initial !== null && JSON.stringify(form) !== JSON.stringify(initial);
    if (editing) return;
    const fresh = formFromSettings(current.settings);
    setInitial(fresh);
    setForm(fresh);
  }, [current]);

  const binding = useMemo<SettingsFormBinding | null>(
    () =>
      form && {
        form,
        set: (field, value) => {
          setForm((state) => state && { ...state, [field]: value });
          setErrors((state) => ({ ...state, [field]: undefined }));
        },
        errors,
        overridden: current?.overridden ?? [],
        t,
      },
    [form, errors, current?.overridden, t],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form || !initial) return;
    const { patch, problems } = patchFromForm(form, initial);
    const problemFields = Object.keys(problems) as SettingsField[];
    if (problemFields.length > 0) {
      setErrors(Object.fromEntries(problemFields.map((field) => [field, t.settings[problems[field] ?? 'notNumber']])));
      setOutcome({ tone: 'error', text: (w) => w.settings.fixFields });
      return;
    }
    if (Object.keys(patch).length === 0) return setOutcome({ tone: 'ok', text: (w) => w.settings.nothingChanged });
    setSaving(true);
    try {
      const saved = await save(patch);
      setErrors({});
      const fresh = formFromSettings(saved.settings);
      setInitial(fresh);
      setForm(fresh);
      setOutcome(
        saved.restartNeeded
          ? { tone: 'warn', text: (w) => w.settings.savedRestart(settingLabels(saved.restartKeys, w.settings)) }
          : { tone: 'ok', text: (w) => (saved.changedKeys.length ? w.settings.savedApplied : w.settings.nothingChanged) },
      );
      void useStatusStore.getState().load();
    } catch (caught) {
      if (caught instanceof ApiError && caught.fieldErrors.length > 0) {
        const placed = errorsByField(caught.fieldErrors);
        setErrors(placed);
        const unplaced = caught.fieldErrors.filter((fieldError) => !(fieldOf(fieldError.field) in form));
        setOutcome({ tone: 'error', text: (w) => [w.settings.fixFields, ...unplaced.map((e) => `${e.field}: ${e.message}`)].join(' ') });
      } else {
        setOutcome({ tone: 'error', text: (w) => errorText(caught, w) });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="settings-title" className="page settings">
      <h2 id="settings-title">{t.settings.title}</h2>
      {failed && <p role="alert" className="error">{t.error.loadFailed}</p>}
      {binding && (
        <SettingsFormContext.Provider value={binding}>
          <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="settings-title">
            <SettingsSections adminPasswordSet={current?.settings.adminPasswordSet ?? false} />
            <div className="save-bar">
              <button type="submit" className="primary" disabled={saving}>
                {saving ? t.settings.saving : t.settings.save}
              </button>
              <p role="status" className={outcome ? `outcome outcome-${outcome.tone}` : 'outcome'}>
                {outcome?.text(t)}
              </p>
            </div>
          </form>
          {current && (
            <p className="muted small">
              {t.settings.location}: {current.location}
            </p>
          )}
        </SettingsFormContext.Provider>
      )}
    </section>
  );
}
