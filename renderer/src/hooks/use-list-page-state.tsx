import { useState } from 'react';
import { Banner } from '../components/ui/banner';

/**
 * The state of a list page that adds and edits its records in a dialog: the "show inactive" toggle, the
 * record being edited (null while no dialog is open), and the "saved" notice shown above the list.
 */
export function useListPageState<Editing>() {
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeBanner = notice ? <Banner tone="success" title={notice} onDismiss={() => setNotice(null)} testId="save-notice" /> : null;
  return { includeInactive, setIncludeInactive, editing, setEditing, noticeBanner, setNotice };
}
