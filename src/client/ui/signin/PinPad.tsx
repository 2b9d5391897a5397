import { useEffect } from 'preact/hooks';
import { useI18n } from '../../i18n/index.ts';

export const PIN_MAX = 8;
export const PIN_MIN = 4;

interface Props {
  pin: string;
  busy: boolean;
  onChange: (pin: string) => void;
  onSubmit: () => void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** A big numeric pad (keys ≥ 64 px); the digits are never shown, only how many were typed. */
export function PinPad({ pin, busy, onChange, onSubmit }: Props) {
  const { t } = useI18n();
  const press = (d: string) => {
    if (!busy && pin.length < PIN_MAX) onChange(pin + d);
  };

  // A hardware keyboard works too (desk PCs, tablets with a cover keyboard).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (/^\d$/.test(e.key)) press(e.key);
      else if (e.key === 'Backspace') onChange(pin.slice(0, -1));
      else if (e.key === 'Escape') onChange('');
      else if (e.key === 'Enter' && pin.length >= PIN_MIN && !busy) onSubmit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div class="pin-pad">
      {/* role=status may carry a name (a plain div may not): the count of digits typed is read out as it changes. */}
      <div class="pin-dots" role="status" aria-label={t('signin.pinDots', { count: pin.length })}>
        {Array.from({ length: Math.max(PIN_MIN, pin.length) }, (_, i) => (
          <span key={i} class={i < pin.length ? 'dot filled' : 'dot'} />
        ))}
      </div>
      <div class="pin-keys">
        {KEYS.map((d) => (
          <button key={d} type="button" class="pin-key" data-testid={`pin-key-${d}`} onClick={() => press(d)} disabled={busy}>
            {d}
          </button>
        ))}
        <button type="button" class="pin-key pin-key-aux" data-testid="pin-clear" onClick={() => onChange('')} disabled={busy}>
          {t('signin.clear')}
        </button>
        <button type="button" class="pin-key" data-testid="pin-key-0" onClick={() => press('0')} disabled={busy}>
          0
        </button>
        <button
          type="button"
          class="pin-key pin-key-ok"
          data-testid="pin-submit"
          onClick={onSubmit}
          disabled={busy || pin.length < PIN_MIN}
        >
          {busy ? '…' : t('signin.submit')}
        </button>
      </div>
    </div>
  );
}
