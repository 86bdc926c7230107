import { useState } from 'react';
import { useDialog, useNotice } from './use-dialog';

/**
 * The state of a list page that adds and edits its records in a dialog: the "show inactive" toggle, the
 * record being edited (its dialog), and the "saved" notice shown above the list.
 */
export function useListPageState<Editing>() {
  const [includeInactive, setIncludeInactive] = useState(false);
  const notice = useNotice('save-notice');
  const editing = useDialog<Editing>(notice.show);
  return { includeInactive, setIncludeInactive, editing, noticeBanner: notice.banner };
}
