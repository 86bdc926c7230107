import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { DataTable } from '../../../components/ui/data-table';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextField } from '../../../components/ui/field';
import { QueryStates } from '../../../components/ui/query-states';
import { isOdsmError } from '../../../lib/odsm';
import { centsToDollarsText, dollarsToCents, formatMoney } from '../../../lib/units';
import { useBillingSettings, useProducts, useUpdateBillingSettings, useUpdateProduct } from '../api/prices';
import { PRODUCT_KIND_LABELS, type BillingSettings, type Product } from '../types';
import { problemsOf } from './refusals';

/**
 * Settings → Prices and billing: the price list every invoice line, fee and road-test car is charged from, and
 * how an enrolment's invoice starts and when invoices fall due. Each change is audited; an issued invoice keeps
 * the price it was issued at.
 */
export function PricesSection() {
  const products = useProducts();
  const settings = useBillingSettings();
  const [editing, setEditing] = useState<Product | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const items = [...(products.data?.items ?? [])].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));

  return (
    <section className="card card--padded" aria-labelledby="prices-title" data-testid="prices-section">
      <h2 id="prices-title" className="dash-card__title">
        Prices and billing
      </h2>
      <p className="small">
        What each thing costs before tax. A new price applies to invoices made from now on; an issued invoice keeps the price it was issued at.
      </p>
      {settings.data ? <BillingTermsForm settings={settings.data} /> : null}
      {settings.error ? <ErrorBanner error={settings.error} title="Could not load the billing settings." /> : null}
      {saved ? (
        <Banner tone="success" title={saved} testId="price-saved" onDismiss={() => setSaved(null)} />
      ) : null}
      <QueryStates query={products} isEmpty={items.length === 0} errorTitle="Could not load the price list." loading="Loading prices…" empty="No products yet: the price list is made the first time money is used.">
        <DataTable testId="price-list" columns={['Product', 'What it is', 'Price', 'Tax', 'Sold']} withActions>
          {items.map((product) => (
            <tr key={product.id} data-testid={`price-row-${product.code}`}>
              <td>{product.name}</td>
              <td>{PRODUCT_KIND_LABELS[product.kind]}</td>
              <td className="num">{formatMoney(product.price_cents)}</td>
              <td className="num">{product.tax_rate_basis_points / 100} %</td>
              <td>{product.active ? 'Yes' : 'No longer sold'}</td>
              <td>
                <Button onClick={() => setEditing(product)} aria-label={`Change the price of ${product.name}`} data-testid={`edit-price-${product.code}`}>
                  Change…
                </Button>
              </td>
            </tr>
          ))}
        </DataTable>
      </QueryStates>
      {editing ? (
        <PriceDialog
          product={items.find((p) => p.id === editing.id) ?? editing}
          onClose={() => setEditing(null)}
          onSaved={(product) => {
            setEditing(null);
            setSaved(`${product.name} now costs ${formatMoney(product.price_cents)} before tax.`);
          }}
        />
      ) : null}
    </section>
  );
}

/** The price list in the order a school thinks of it: what it teaches, then the car, then the fees. */
const KIND_ORDER: readonly Product['kind'][] = ['course', 'lesson', 'pack', 'road_test_car', 'late_cancel_fee', 'no_show_fee'];

const TERMS_FIELDS = ['enrolment_invoice_status', 'payment_terms_days'] as const;

/** Someone else saved first: the form takes the latest copy (and the desk checks it) before saving again. */
const isConflict = (error: unknown) => isOdsmError(error) && error.code.endsWith('.version_conflict');

function BillingTermsForm({ settings }: { settings: BillingSettings }) {
  const save = useUpdateBillingSettings();
  const [status, setStatus] = useState(settings.enrolment_invoice_status);
  const [days, setDays] = useState(String(settings.payment_terms_days));
  const [local, setLocal] = useState<string | null>(null);
  // The copy the form saves against. Another desk's change never overwrites what is typed here: saving against
  // the old copy is refused, and only then (or after this desk's own save) does the form take the latest.
  const [base, setBase] = useState(settings);
  const [resync, setResync] = useState(false);
  if (resync && settings.version !== base.version) {
    setResync(false);
    setBase(settings);
    setStatus(settings.enrolment_invoice_status);
    setDays(String(settings.payment_terms_days));
  }
  const refused = problemsOf(save.error, TERMS_FIELDS);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const terms = /^\d{1,3}$/.test(days.trim()) ? Number(days.trim()) : null;
    setLocal(terms === null || terms > 365 ? 'Enter a number of days from 0 to 365.' : null);
    if (terms === null || terms > 365) return focusField('payment-terms-days');
    save.mutate(
      { body: { version: base.version, enrolment_invoice_status: status, payment_terms_days: terms } },
      { onSuccess: () => setResync(true), onError: (error) => setResync(isConflict(error)) },
    );
  }

  return (
    <form className="prices-terms" onSubmit={onSubmit} aria-label="Billing terms" data-testid="billing-terms">
      <SelectField
        id="enrolment-invoice-status"
        label="When a student enrols, the course invoice is"
        value={status}
        onChange={(e) => setStatus(e.target.value as BillingSettings['enrolment_invoice_status'])}
        error={refused.byField.enrolment_invoice_status}
      >
        <option value="draft">a draft, issued by the desk</option>
        <option value="issued">issued at once</option>
      </SelectField>
      <TextField
        id="payment-terms-days"
        label="Payment due (days after the invoice)"
        inputMode="numeric"
        value={days}
        onChange={(e) => setDays(e.target.value)}
        error={local ?? refused.byField.payment_terms_days}
      />
      <div>
        <Button type="submit" busy={save.isPending} data-testid="save-billing-terms">
          Save billing terms
        </Button>
      </div>
      <p className="small prices-terms__status" role="status" data-testid="billing-terms-status">
        {save.isSuccess ? 'Billing terms saved.' : ''}
      </p>
      {refused.general.length > 0 ? <ErrorBanner error={new Error(refused.general.join(' '))} title="The billing terms were not saved." /> : null}
    </form>
  );
}

const PRICE_FIELDS = ['name', 'price_cents', 'tax_rate_basis_points', 'active'] as const;
const PRICE_FIELD_IDS: Record<(typeof PRICE_FIELDS)[number], string> = {
  name: 'price-name',
  price_cents: 'price-amount',
  tax_rate_basis_points: 'price-tax',
  active: 'price-active',
};

/** After a failed check, the first field it names takes focus, so its message is read and typing fixes it. */
function focusField(id: string) {
  document.getElementById(id)?.focus();
}

function PriceDialog({ product, onClose, onSaved }: { product: Product; onClose: () => void; onSaved: (product: Product) => void }) {
  const save = useUpdateProduct();
  const [name, setName] = useState(product.name);
  const [price, setPrice] = useState(centsToDollarsText(product.price_cents));
  const [tax, setTax] = useState(String(product.tax_rate_basis_points / 100));
  const [active, setActive] = useState(product.active);
  const [local, setLocal] = useState<Record<string, string>>({});
  // The copy this dialog saves against. Another desk's change (it arrives live) never overwrites what is typed
  // here: it is pointed out, a save against the old copy is refused, and then the fields show the latest.
  const [base, setBase] = useState(product);
  const [resync, setResync] = useState(false);
  if (resync && product.version !== base.version) {
    setResync(false);
    setBase(product);
    setName(product.name);
    setPrice(centsToDollarsText(product.price_cents));
    setTax(String(product.tax_rate_basis_points / 100));
    setActive(product.active);
  }
  const changedElsewhere = !resync && product.version !== base.version;
  const refused = problemsOf(save.error, PRICE_FIELDS);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const cents = dollarsToCents(price);
    const percent = Number(tax.trim());
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Enter the name printed on invoices.';
    if (cents === null) problems.price_cents = 'Enter a price in dollars, like 65.00.';
    if (!tax.trim() || !Number.isFinite(percent) || percent < 0 || percent > 100) problems.tax_rate_basis_points = 'Enter a tax rate from 0 to 100 %.';
    setLocal(problems);
    const first = PRICE_FIELDS.find((field) => problems[field]);
    if (first) return focusField(PRICE_FIELD_IDS[first]);
    if (cents === null) return;
    save.mutate(
      {
        product_id: product.id,
        body: { version: base.version, name: name.trim(), price_cents: cents, tax_rate_basis_points: Math.round(percent * 100), active },
      },
      { onSuccess: onSaved, onError: (error) => setResync(isConflict(error)) },
    );
  }

  const error = (field: string) => local[field] ?? refused.byField[field];
  return (
    <Dialog
      title={`Price of ${product.name}`}
      description={<p>{PRODUCT_KIND_LABELS[product.kind]}. The change is kept in the audit log.</p>}
      onClose={onClose}
      testId="price-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="price-form" busy={save.isPending} data-testid="save-price">
            Save price
          </Button>
        </>
      }
    >
      {changedElsewhere && !save.error ? (
        <Banner tone="warning" title="Changed at another desk while this was open" testId="price-changed-elsewhere">
          {`It now costs ${formatMoney(product.price_cents)} before tax. Saving here will show you that change first.`}
        </Banner>
      ) : null}
      {refused.general.length > 0 ? (
        <Banner tone="error" title="The price was not saved." testId="price-error">
          {refused.general.join(' ')}
        </Banner>
      ) : null}
      <form id="price-form" className="form-grid__section" onSubmit={onSubmit} noValidate>
        <TextField id="price-name" label="Name on invoices" value={name} onChange={(e) => setName(e.target.value)} error={error('name')} />
        <TextField id="price-amount" label="Price before tax ($)" inputMode="decimal" autoFocus value={price} onChange={(e) => setPrice(e.target.value)} error={error('price_cents')} />
        <TextField id="price-tax" label="Tax rate (%)" hint="HST is 13 % in Ontario. A school not registered for HST charges none, whatever the rate here." value={tax} onChange={(e) => setTax(e.target.value)} error={error('tax_rate_basis_points')} />
        <CheckboxField id="price-active" label="Still sold" checked={active} onChange={(e) => setActive(e.target.checked)} />
      </form>
    </Dialog>
  );
}
