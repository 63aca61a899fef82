import QRCode from 'qrcode';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTexts } from '../stores/status-store.js';
import { copyText } from './copy-text.js';

/** One Server Address for iikoWaiter → External Loyalty: to read, to copy, or to scan. */
export function ServerAddressCard({ url, loopback }: { url: string; loopback: boolean }) {
  const t = useTexts();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(url, { margin: 1, width: 176, errorCorrectionLevel: 'M' }).then((data) => {
      if (current) setQr(data);
    });
    return () => {
      current = false;
    };
  }, [url]);

  // As tall as the address needs at this width (large text, a narrow window): never a cut line.
  useLayoutEffect(() => {
    const box = inputRef.current;
    if (!box) return;
    const fit = () => {
      box.style.height = 'auto';
      box.style.height = `${box.scrollHeight + 2}px`;
    };
    fit();
    const watch = new ResizeObserver(fit);
    watch.observe(box);
    return () => watch.disconnect();
  }, [url]);

  const copy = async () => {
    await copyText(url, {
      shell: window.tillShell,
      // Absent outside secure contexts, whatever the DOM typings say.
      clipboard: navigator.clipboard as Clipboard | undefined,
      copySelection: () => {
        inputRef.current?.select();
        document.execCommand('copy');
      },
    });
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <li className="card address-card">
      <div className="address-text">
        <p className="muted small">{loopback ? t.setup.loopbackNote : t.setup.lanNote}</p>
        {/* Wrapped, never cut: a manager copies it by eye onto another terminal (a long LAN address, a secret part). */}
        <textarea ref={inputRef} className="address" readOnly rows={1} value={url} aria-label={url} spellCheck={false} onFocus={(focus) => focus.target.select()} />
        <button type="button" onClick={() => void copy()} aria-label={t.setup.copyAddress(url)}>
          {copied ? t.setup.copied : t.setup.copy}
        </button>
      </div>
      {qr && <img className="qr" src={qr} alt={t.setup.qr(url)} width={176} height={176} />}
    </li>
  );
}
