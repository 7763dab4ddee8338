/**
 * A labelled on/off switch: a real checkbox (role="switch") inside its label, so it is reachable by
 * keyboard and announced with its name. The label and hint are text, never HTML.
 */
export interface SwitchProps {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  hint?: string | null;
  onChange(checked: boolean): void;
}

export function Switch({ id, label, checked, disabled, hint, onChange }: SwitchProps) {
  return (
    <div class="switch-row">
      <label class="switch" for={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          aria-checked={checked}
          aria-describedby={hint ? `${id}-hint` : undefined}
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span class="switch__track" aria-hidden="true" />
        <span class="switch__label">{label}</span>
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
