// One labelled text input of the form, as ../shared/ui/fields' TextField (visible label,
// hint and error linked by aria-describedby, aria-invalid) plus what a phone keyboard
// needs: inputmode, the language of the text (furigana in Japanese) and autocomplete.
// `name` is the API field key ("guardians[0].name_kana") so a server error lands here.
import { useId } from 'preact/hooks';

export interface RegFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'tel' | 'email' | 'date';
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  autoComplete?: string;
  lang?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  maxLength?: number;
}

export function RegField(props: RegFieldProps) {
  const id = useId();
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required && <span aria-hidden="true" class="required"> *</span>}
      </label>
      <input
        id={id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        lang={props.lang}
        value={props.value}
        required={props.required}
        maxLength={props.maxLength}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {props.hint && <p id={`${id}-hint`} class="hint">{props.hint}</p>}
      {props.error && <p id={`${id}-error`} class="field-error">{props.error}</p>}
    </div>
  );
}
