// A count chosen with − and + (how many adults came): a labelled group of two buttons
// around the value, which a screen reader hears change (a polite live region). The value
// stays within min..max; a button at its end is aria-disabled (it keeps focus, a press
// does nothing). `name` is the API field key, so a server error about it lands here
// (../form.ts finds the control by name); `size` "large" is the kiosk's touch size.
import { useId } from 'preact/hooks';
import './stepper.css';

export interface StepperProps {
  label: string;
  name: string;
  value: number;
  min: number;
  max: number;
  onValue: (value: number) => void;
  /** The accessible names of the buttons ("大人を1人減らす", "大人を1人増やす"). */
  decreaseLabel: string;
  increaseLabel: string;
  /** The value as said and shown ("2人"). */
  valueText: (value: number) => string;
  error?: string;
  size?: 'normal' | 'large';
}

export function Stepper(props: StepperProps) {
  const id = useId();
  const { value, min, max, onValue } = props;
  const step = (by: number) => {
    const next = value + by;
    if (next >= min && next <= max) onValue(next);
  };
  const classes = ['stepper', props.size === 'large' && 'stepper--large', props.error && 'field--invalid']
    .filter(Boolean).join(' ');
  return (
    <div class={classes} role="group" aria-labelledby={`${id}-label`}
      aria-describedby={props.error ? `${id}-error` : undefined}>
      <span id={`${id}-label`} class="stepper-label">{props.label}</span>
      <div class="stepper-controls">
        <button type="button" class="stepper-button" aria-label={props.decreaseLabel}
          aria-disabled={value <= min ? 'true' : undefined} onClick={() => step(-1)}>−</button>
        <output name={props.name} class="stepper-value" aria-live="polite" aria-atomic="true">
          {props.valueText(value)}
        </output>
        <button type="button" class="stepper-button" aria-label={props.increaseLabel}
          aria-disabled={value >= max ? 'true' : undefined} onClick={() => step(1)}>+</button>
      </div>
      {props.error && <p id={`${id}-error`} class="field-error">{props.error}</p>}
    </div>
  );
}
