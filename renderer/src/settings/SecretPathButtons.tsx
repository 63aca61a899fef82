import { hasSecretSegment, withNewSecretSegment, withoutSecretSegment } from './secret-path.js';
import { useSettingsForm } from './settings-form-context.js';

/** Adds, changes or removes the secret part of the waiter API's path (settings/secret-path.ts); saved with the form. */
export function SecretPathButtons() {
  const { form, set, t } = useSettingsForm();
  const path = form['server.path'];
  const secret = hasSecretSegment(path);
  return (
    <div className="field wide secret-path">
      <button type="button" onClick={() => set('server.path', withNewSecretSegment(path))}>
        {secret ? t.settings.newSecret : t.settings.addSecret}
      </button>
      {secret && (
        <button type="button" onClick={() => set('server.path', withoutSecretSegment(path))}>
          {t.settings.removeSecret}
        </button>
      )}
    </div>
  );
}
