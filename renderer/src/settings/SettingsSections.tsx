import { ChoiceField, CheckField, TextField } from './SettingsFields.js';
import { useSettingsForm } from './settings-form-context.js';
import { isOverridden } from './settings-form.js';
import { ConnectionCheck } from '../cloud/ConnectionCheck.js';
import { SecretPathButtons } from './SecretPathButtons.js';

/** The settings, grouped the way the user guide sets them up. */
export function SettingsSections({ adminPasswordSet }: { adminPasswordSet: boolean }) {
  const { form, t, overridden } = useSettingsForm();
  const s = t.settings;
  return (
    <div className="settings-grid">
      <fieldset className="group">
        <legend>{s.server}</legend>
        <TextField field="server.host" label={s.host} />
        <TextField field="server.port" label={s.port} inputMode="numeric" />
        <TextField field="server.path" label={s.path} hint={s.pathHint} wide />
        <SecretPathButtons />
        <TextField field="server.allowedRanges" label={s.allowedRanges} hint={s.allowedRangesHint} lines={4} wide />
      </fieldset>

      <fieldset className="group">
        <legend>{s.payments}</legend>
        <TextField field="bonusPaymentTypeId" label={s.bonusPaymentType} hint={s.bonusPaymentTypeHint} wide />
        <CheckField field="cashToWaiter" label={s.cashToWaiter} />
        <TextField field="payInTypeId" label={s.payInType} wide />
        <TextField field="payOutTypeId" label={s.payOutType} wide />
      </fieldset>

      <div className="group">
        <ChoiceField
          field="provider"
          legend={s.provider}
          options={[
            { value: 'local', label: s.providerLocal },
            { value: 'cloud', label: s.providerCloud },
          ]}
        />
        {form.provider === 'cloud' && (
          <>
            <TextField field="cloud.accountUrl" label={s.accountUrl} type="url" inputMode="url" wide />
            <CheckField field="cloud.anyHost" label={s.anyHost} hint={`⚠ ${s.anyHostWarning}`} />
            <TextField field="cloud.apiKey" label={s.apiKey} hint={s.apiKeyHint} wide />
            <ChoiceField
              field="cloud.refunds"
              legend={t.cloud.refunds}
              options={[
                { value: 'manual', label: t.cloud.refundsManual },
                { value: 'send', label: t.cloud.refundsSend },
              ]}
            />
            <ConnectionCheck accountUrl={form['cloud.accountUrl']} apiKey={form['cloud.apiKey']} />
          </>
        )}
      </div>

      <fieldset className="group">
        <legend>{s.limits}</legend>
        <TextField field="limits.maxOrderSum" label={s.maxOrderSum} hint={s.maxOrderSumHint} inputMode="decimal" />
        <TextField field="limits.maxCashback" label={s.maxCashback} inputMode="decimal" />
        <TextField field="staleOrderHours" label={s.staleOrderHours} hint={s.staleOrderHoursHint} inputMode="numeric" />
      </fieldset>

      <div className="group">
        <ChoiceField
          field="language"
          legend={s.language}
          options={[
            { value: 'ru', label: 'Русский' },
            { value: 'en', label: 'English' },
          ]}
        />
        <TextField field="businessDayStartHour" label={s.businessDayStartHour} hint={s.businessDayStartHourHint} inputMode="numeric" />
      </div>

      <fieldset className="group">
        <legend>{t.display.title}</legend>
        <CheckField field="display.largeText" label={t.display.largeText} />
      </fieldset>

      <fieldset className="group">
        <legend>{s.notifications}</legend>
        <CheckField field="notifications.enabled" label={s.notificationsEnabled} />
        <CheckField field="notifications.checkIn" label={s.notifyCheckIn} />
        <CheckField field="notifications.giftAdded" label={s.notifyGiftAdded} />
        <CheckField field="notifications.bonusRequested" label={s.notifyBonusRequested} />
        <CheckField field="notifications.paymentCommitted" label={s.notifyPaymentCommitted} />
        <CheckField field="notifications.providerOffline" label={s.notifyProviderOffline} />
        <CheckField field="notifications.serverError" label={s.notifyServerError} />
        <TextField field="notifications.debtThreshold" label={s.debtThreshold} inputMode="decimal" />
      </fieldset>

      {window.tillShell && (
        <fieldset className="group">
          <legend>{s.desktop}</legend>
          <CheckField field="autostart" label={s.autostart} />
          <TextField field="updates.url" label={s.updatesUrl} type="url" inputMode="url" wide />
        </fieldset>
      )}

      <fieldset className="group">
        <legend>{s.access}</legend>
        <TextField
          field="adminPassword"
          label={s.adminPassword}
          type="password"
          hint={adminPasswordSet ? s.adminPasswordSet : isOverridden('adminPassword', overridden) ? s.adminPasswordFromStart : s.adminPasswordUnset}
        />
        {adminPasswordSet && <CheckField field="adminPasswordRemove" label={s.adminPasswordRemove} />}
      </fieldset>
    </div>
  );
}
