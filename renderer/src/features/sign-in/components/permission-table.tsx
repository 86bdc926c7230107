import { usePermissionTable } from '../api/auth';
import { ROLE_WORDS, ROLES, type Role } from './roles';

/** The permission table as the backend holds it (written once, in permissions.py). */
export function PermissionTable() {
  const table = usePermissionTable();
  if (!table.data) return null;
  return (
    <table className="permission-table" data-testid="permission-table">
      <caption>Who may do what</caption>
      <thead>
        <tr>
          <th scope="col">Permission</th>
          {ROLES.map((role) => (
            <th scope="col" key={role}>
              {ROLE_WORDS[role]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.data.rows.map((row) => (
          <tr key={row.permission}>
            <th scope="row">
              {row.description} <code className="permission-table__code">{row.permission}</code>
            </th>
            {ROLES.map((role) => (
              <td key={role}>{cell(row, role, table.data.office_may_certify)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function cell(row: { permission: string; roles: string[]; own_only_for_instructor: boolean }, role: Role, officeMayCertify: boolean): string {
  if (row.permission === 'certify' && role === 'office' && officeMayCertify) return 'granted';
  if (!row.roles.includes(role)) return '—';
  return role === 'instructor' && row.own_only_for_instructor ? 'their own' : 'yes';
}
