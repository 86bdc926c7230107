import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { Page } from '../../../components/ui/page';
import { todayIn } from '../../../lib/dates';
import { parseHash, useHash } from '../../../lib/navigation';
import { useSchoolClock } from '../../settings';
import { CashUpPanel } from './cash-up-panel';
import { InvoicesPanel } from './invoices-panel';

const TABS = [
  { id: 'invoices', label: 'Invoices' },
  { id: 'cash-up', label: 'End-of-day cash-up' },
] as const;

/** The front desk's Billing screen: the school's invoices (unpaid first), and the day's cash-up. */
export function BillingDeskPage() {
  const [hash] = useHash();
  const [tab, setTab] = useState<Key>(() => (parseHash(hash).params.get('view') === 'cash-up' ? 'cash-up' : 'invoices'));
  const { timeZone } = useSchoolClock();
  const today = todayIn(timeZone);

  return (
    <Page id="billing" title="Billing" subtitle="Invoices across the school, what is still owed, and the end-of-day cash-up.">
      <Tabs selectedKey={tab} onSelectionChange={setTab} className="billing-desk">
        <TabList aria-label="Billing sections" className="tabs">
          {TABS.map((item) => (
            <Tab key={item.id} id={item.id} className={({ isSelected }) => (isSelected ? 'tabs__tab tabs__tab--active' : 'tabs__tab')} data-testid={`billing-tab-${item.id}`}>
              {item.label}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="invoices" className="billing-desk__panel">
          <InvoicesPanel today={today} />
        </TabPanel>
        <TabPanel id="cash-up" className="billing-desk__panel">
          <CashUpPanel today={today} />
        </TabPanel>
      </Tabs>
    </Page>
  );
}
