// Labelled form controls. Every control has a visible <label>, its hint and error
// linked by aria-describedby, and aria-invalid when the error is set. `name` is the
// API field key (e.g. "guardians[0].email") so a server error lands next to its field.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface FieldShellProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: ComponentChildren;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell({ id, label, error, hint, required, children }: FieldShellProps) {
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>
        {label}
        {required && <span aria-hidden="true" class="required"> *</span>}
      </label>
      {children}
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}

interface TextControlProps {
  name: string;
  value: string;
  onValue: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  maxLength?: number;
}

/** What an <input> and a <textarea> of text take alike: value, input, and the error's links. */
function textControl(id: string, props: TextControlProps) {
  return {
    id,
    name: props.name,
    value: props.value,
    onInput: (e: { currentTarget: { value: string } }) => props.onValue(e.currentTarget.value),
    required: props.required,
    maxLength: props.maxLength,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, props.hint, props.error),
  };
}

export interface TextFieldProps extends TextControlProps {
  label: string;
  type?: 'text' | 'password' | 'email' | 'tel' | 'date' | 'time' | 'datetime-local' | 'search' | 'number';
  autoComplete?: string;
  autoFocus?: boolean;
  /** For type "number". */
  min?: number;
  max?: number;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={props.label} error={props.error} hint={props.hint} required={props.required}>
      <input
        {...textControl(id, props)}
        // Preact types <input> per `type`; all of ours take the same attributes.
        type={(props.type ?? 'text') as 'text'}
        autoComplete={props.autoComplete}
        autoFocus={props.autoFocus}
        min={props.min}
        max={props.max}
      />
    </FieldShell>
  );
}

export interface TextAreaFieldProps extends TextControlProps {
  label: string;
  rows?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={props.label} error={props.error} hint={props.hint} required={props.required}>
      <textarea {...textControl(id, props)} rows={props.rows ?? 3} />
    </FieldShell>
  );
}

/** One checkbox with its label after it (a yes/no choice, e.g. a filter). */
export function CheckField(props: { label: string; name: string; checked: boolean; onChecked: (on: boolean) => void }) {
  return (
    <label class="choice">
      <input type="checkbox" name={props.name} checked={props.checked}
        onChange={(e) => props.onChecked(e.currentTarget.checked)} />
      {props.label}
    </label>
  );
}

/**
 * The options of a select or checkbox group choosing among named things (facilities,
 * children): each one's id and name, after an option '' labelled `all` when given.
 */
export function namedOptions(items: readonly { id: string; name: string }[] | null | undefined, all?: string) {
  const named = (items ?? []).map((item) => ({ value: item.id, label: item.name }));
  return all === undefined ? named : [{ value: '', label: all }, ...named];
}

export interface SelectFieldProps<V extends string> {
  label: string;
  name: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onValue: (value: V) => void;
  error?: string;
  required?: boolean;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const id = useId();
  return (
    <FieldShell id={id} label={props.label} error={props.error} required={props.required}>
      <select
        id={id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onValue(e.currentTarget.value as V)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, undefined, props.error)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </FieldShell>
  );
}

export interface CheckboxGroupProps {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onSelected: (selected: string[]) => void;
  error?: string;
  /** Marks the legend required (" *", and 必須 for a screen reader in `requiredText`). */
  required?: boolean;
  requiredText?: string;
}

interface ChoiceGroupProps extends Omit<CheckboxGroupProps, 'selected' | 'onSelected'> {
  type: 'checkbox' | 'radio';
  checked: (value: string) => boolean;
  onChange: (value: string, on: boolean) => void;
}

/** A fieldset of checkboxes or radio buttons, its error linked to the group. */
function ChoiceGroup(props: ChoiceGroupProps) {
  const id = useId();
  return (
    <fieldset
      class={props.error ? 'choices field--invalid' : 'choices'}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>
        {props.legend}
        {props.required && <span aria-hidden="true" class="required"> *</span>}
        {props.required && props.requiredText && <span class="visually-hidden">{props.requiredText}</span>}
      </legend>
      {props.options.map((o) => (
        <label key={o.value} class="choice">
          <input
            type={props.type}
            name={props.name}
            value={o.value}
            checked={props.checked(o.value)}
            onChange={(e) => props.onChange(o.value, e.currentTarget.checked)}
            aria-invalid={props.error ? 'true' : undefined}
          />
          {o.label}
        </label>
      ))}
      {props.error && <p id={`${id}-error`} class="field-error">{props.error}</p>}
    </fieldset>
  );
}

/** A fieldset of checkboxes choosing several values (e.g. facilities). */
export function CheckboxGroup({ selected, onSelected, ...rest }: CheckboxGroupProps) {
  const toggle = (value: string, on: boolean) =>
    onSelected(on ? [...selected, value] : selected.filter((v) => v !== value));
  return <ChoiceGroup {...rest} type="checkbox" checked={(v) => selected.includes(v)} onChange={toggle} />;
}

export interface RadioGroupProps extends Omit<CheckboxGroupProps, 'selected' | 'onSelected'> {
  /** The value chosen; '' for none. */
  value: string;
  onValue: (value: string) => void;
}

/** A fieldset of radio buttons choosing one value. */
export function RadioGroup({ value, onValue, ...rest }: RadioGroupProps) {
  return <ChoiceGroup {...rest} type="radio" checked={(v) => v === value} onChange={(v) => onValue(v)} />;
}
