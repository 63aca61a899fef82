import type { SetupResponse } from '../../../shared/admin/status.js';
import { useLanguage, useTexts } from '../stores/status-store.js';

/** The user guide's steps, ticked off from what the till knows, and the iiko permissions with codes. */
export function SetupChecklist({ checklist, permissions }: Pick<SetupResponse, 'checklist' | 'permissions'>) {
  const t = useTexts();
  const language = useLanguage();
  return (
    <>
      <h3 id="checklist-title">{t.setup.checklist}</h3>
      <ul className="checklist" aria-labelledby="checklist-title">
        {checklist.map((item) => {
          const state = item.demo ? t.setup.demo : item.done ? t.setup.done : item.optional ? t.setup.optional : t.setup.todo;
          return (
            <li key={item.id} className={item.demo ? 'demo' : item.done ? 'done' : item.optional ? 'optional' : 'todo'}>
              <span aria-hidden="true" className="mark">
                {item.demo ? '◐' : item.done ? '✔' : item.optional ? '–' : '○'}
              </span>
              {t.setup.items[item.id]} <span className="muted">({state})</span>
            </li>
          );
        })}
      </ul>
      <h3 id="permissions-title">{t.setup.permissions}</h3>
      <table className="table" aria-labelledby="permissions-title">
        <thead>
          <tr>
            <th scope="col">{t.setup.code}</th>
            <th scope="col">{t.setup.permission}</th>
          </tr>
        </thead>
        <tbody>
          {permissions.map((permission) => (
            <tr key={permission.code}>
              <td>
                <code>{permission.code}</code>
              </td>
              <td>{permission[language]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
