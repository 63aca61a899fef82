/**
 * A sign beside a coloured state (online/offline, done/not done, a problem), so colour is never the
 * only signal: ✔ for fine, ⚠ for a problem. The words next to it say the same for screen readers.
 */
export function StateSign({ ok }: { ok: boolean }) {
  return (
    <span className="sign" aria-hidden="true">
      {ok ? '✔ ' : '⚠ '}
    </span>
  );
}
