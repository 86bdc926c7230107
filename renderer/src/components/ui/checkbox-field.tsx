import type { InputHTMLAttributes, ReactNode } from 'react';

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  wide?: boolean;
};

/** A labelled checkbox laid out like the other fields, for yes/no settings and consents. */
export function CheckboxField({ id, label, hint, wide, ...input }: CheckboxFieldProps) {
  return (
    <div className={['field', 'field--checkbox', wide ? 'field--wide' : null].filter(Boolean).join(' ')}>
      <label className="checkbox" htmlFor={id}>
        <input {...input} type="checkbox" id={id} name={id} aria-describedby={hint ? `${id}-hint` : undefined} />
        <span>{label}</span>
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
