import { useState } from 'react';
import { useQuery } from '../api/use-query';
import { Icon } from '../components/Icons';

/**
 * The files of the data room the shown run did not read (unsupported types such as .doc or .pptx,
 * links leading out of the room): a deal team must know what the analysis could not see.
 */
export function SkippedFiles({ dealId, runNumber }: { dealId: number; runNumber?: number }) {
  const [open, setOpen] = useState(false);
  const skipped = useQuery('documents.skipped', { dealId, runNumber }, { dealId });
  const files = skipped.data?.files ?? [];
  if (files.length === 0) return null;
  const byReason = new Map<string, number>();
  for (const f of files) byReason.set(f.reason, (byReason.get(f.reason) ?? 0) + 1);
  const summary = [...byReason].map(([reason, n]) => `${n} × ${reason}`).join(' · ');
  return (
    <div className="banners skipped-files" data-testid="skipped-files">
      <div className="banner warn skipped-banner">
        <Icon name="alert" size={15} />
        <span>
          <strong>
            {files.length} {files.length === 1 ? 'file was' : 'files were'} not analysed
          </strong>{' '}
          <span className="muted small">({summary})</span>
        </span>
        <button type="button" className="btn-link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide list' : 'Show list'}
        </button>
      </div>
      {open && (
        <ul className="skipped-list" aria-label="Files not analysed">
          {files.map((f) => (
            <li key={f.path}>
              <span className="mono">{f.path}</span> <span className="muted small">— {f.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
