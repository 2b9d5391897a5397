import type { Hall } from '../../../../shared/schemas/reference.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';

interface Props {
  halls: readonly Hall[];
  selected: readonly string[];
  /** An admin chooses; a manager's own hall is fixed and only shown. */
  editable: boolean;
  onChange: (hallIds: string[]) => void;
  testIdPrefix: string;
  legend: string;
  invalid?: boolean;
}

export function HallPicker({ halls, selected, editable, onChange, testIdPrefix, legend, invalid = false }: Props) {
  const { t, lang } = useManageI18n();
  const name = (id: string) => {
    const hall = halls.find((h) => h.id === id);
    return hall ? pick(hall.name, lang) : id;
  };
  if (!editable) {
    return (
      <div class="m-field">
        <span>{legend}</span>
        <p class="m-fixed" data-testid={`${testIdPrefix}-fixed`}>
          {selected.map(name).join(t('manage.list.separator'))}
        </p>
      </div>
    );
  }
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected.filter((x) => x !== id), id] : selected.filter((x) => x !== id));
  return (
    <fieldset class={invalid ? 'm-halls m-invalid' : 'm-halls'} aria-invalid={invalid || undefined}>
      <legend>{legend}</legend>
      <div class="m-checks">
        {halls.map((hall) => (
          <label key={hall.id} class="m-check">
            <input
              type="checkbox"
              data-testid={`${testIdPrefix}-${hall.id}`}
              checked={selected.includes(hall.id)}
              onChange={(e) => toggle(hall.id, e.currentTarget.checked)}
            />
            <span>{pick(hall.name, lang)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
