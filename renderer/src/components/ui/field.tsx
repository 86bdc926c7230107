import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type FieldFrameProps = {
  id: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  /** A non-blocking note, shown in amber (e.g. a licence number that looks unusual). */
  warnings?: readonly string[];
  wide?: boolean;
  children: ReactNode;
};

export function fieldDescribedBy(id: string, hasHint: boolean, hasError: boolean) {
  const ids = [hasError ? `${id}-error` : null, hasHint ? `${id}-hint` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldFrame({ id, label, required, hint, error, warnings = [], wide, children }: FieldFrameProps) {
  return (
    <div className={['field', wide ? 'field--wide' : null, error ? 'field--invalid' : null].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? <span className="field__required" aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert" data-testid={`field-error-${id}`}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {warnings.map((warning) => (
        <p className="field__warning" key={warning} data-testid={`field-warning-${id}`}>
          {warning}
        </p>
      ))}
    </div>
  );
}

type Common = Omit<FieldFrameProps, 'children'>;

/** Splits a field's props into the frame's (label, hint, error…) and the control's own. */
function splitFrame<P extends Common>({ id, label, required, hint, error, warnings, wide, ...control }: P) {
  return { frame: { id, label, required, hint, error, warnings, wide }, control };
}

/** What every framed control carries: its name, and the links to its error and hint. */
function controlLinks({ id, hint, error }: Common) {
  return { id, name: id, 'aria-invalid': error ? true : undefined, 'aria-describedby': fieldDescribedBy(id, Boolean(hint), Boolean(error)) } as const;
}

export function TextField({ className, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { frame, control } = splitFrame(props);
  return (
    <FieldFrame {...frame}>
      <input {...control} {...controlLinks(frame)} className={['field__control', className].filter(Boolean).join(' ')} required={frame.required} />
    </FieldFrame>
  );
}

export function SelectField({ children, ...props }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const { frame, control } = splitFrame(props);
  return (
    <FieldFrame {...frame}>
      <select {...control} {...controlLinks(frame)} className="field__control">
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextAreaField(props: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { frame, control } = splitFrame(props);
  return (
    <FieldFrame {...frame}>
      <textarea {...control} {...controlLinks(frame)} className="field__control field__control--area" />
    </FieldFrame>
  );
}
