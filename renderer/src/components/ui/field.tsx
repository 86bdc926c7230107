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

export function TextField({ id, label, required, hint, error, warnings, wide, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame {...{ id, label, required, hint, error, warnings, wide }}>
      <input
        {...input}
        id={id}
        name={id}
        className={['field__control', className].filter(Boolean).join(' ')}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, Boolean(hint), Boolean(error))}
      />
    </FieldFrame>
  );
}

export function SelectField({ id, label, required, hint, error, warnings, wide, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame {...{ id, label, required, hint, error, warnings, wide }}>
      <select
        {...select}
        id={id}
        name={id}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, Boolean(hint), Boolean(error))}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextAreaField({ id, label, required, hint, error, warnings, wide, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame {...{ id, label, required, hint, error, warnings, wide }}>
      <textarea
        {...area}
        id={id}
        name={id}
        className="field__control field__control--area"
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, Boolean(hint), Boolean(error))}
      />
    </FieldFrame>
  );
}
