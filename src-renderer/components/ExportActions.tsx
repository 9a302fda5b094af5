import { useState } from 'react';
import { ApiError, invoke } from '../api/client';
import { useQuery } from '../api/use-query';
import { Icon } from './Icons';

type Job = 'workbook' | 'html' | 'pdf' | 'archive';

const LABELS: Record<Job, string> = { workbook: 'Excel workbook', html: 'Report (HTML)', pdf: 'Report (PDF)', archive: 'Deal archive' };

/**
 * Export buttons for a deal: the run shown as a workbook or report, or the whole deal as an archive.
 * The desktop app asks where to save; where it cannot (a browser on the dev bridge) nothing shows.
 */
export function ExportActions({ dealId, runNumber, disabled }: { dealId: number; runNumber?: number; disabled?: boolean }) {
  const info = useQuery('app.info', {});
  const [busy, setBusy] = useState<Job | null>(null);
  const [result, setResult] = useState<{ ok: true; file: string } | { ok: false; error: string } | null>(null);
  if (!info.data?.canSaveFiles) return null;
  const run = async (job: Job) => {
    setBusy(job);
    setResult(null);
    try {
      const scope = runNumber === undefined ? { dealId } : { dealId, runNumber };
      const out =
        job === 'workbook'
          ? await invoke('exports.workbook', scope)
          : job === 'archive'
            ? await invoke('deals.exportArchive', { dealId })
            : await invoke('exports.report', { ...scope, format: job });
      if (out.file) setResult({ ok: true, file: out.file });
    } catch (error) {
      setResult({ ok: false, error: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  };
  const jobs: Job[] = info.data.canPrintPdf ? ['workbook', 'html', 'pdf', 'archive'] : ['workbook', 'html', 'archive'];
  return (
    <div className="export-actions" role="group" aria-label="Export">
      {jobs.map((job) => (
        <button key={job} type="button" className="btn btn-secondary btn-small" disabled={disabled || busy !== null} onClick={() => void run(job)}>
          {job === 'archive' ? <Icon name="archive" size={14} /> : null} {busy === job ? 'Saving…' : LABELS[job]}
        </button>
      ))}
      {result && (
        <span className={`export-result small ${result.ok ? 'ok' : 'bad-text'}`} role="status">
          {result.ok ? `Saved ${result.file}` : result.error}
        </span>
      )}
    </div>
  );
}

/** Adds a deal from an archive file; when its name is taken here, asks for another one. */
export function ImportDealButton({ onImported }: { onImported: (dealId: number) => void }) {
  const info = useQuery('app.info', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [rename, setRename] = useState('');
  if (!info.data?.canSaveFiles) return null;
  const run = async () => {
    setBusy(true);
    try {
      const { deal } = await invoke('deals.importArchive', error?.code === 'conflict' && rename.trim() ? { as: rename.trim() } : {});
      setError(null);
      if (deal) onImported(deal.id);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('internal', String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="import-deal">
      <button type="button" className="btn btn-secondary" onClick={() => void run()} disabled={busy}>
        <Icon name="folder" size={16} /> {busy ? 'Importing…' : 'Import deal…'}
      </button>
      {error && (
        <div className="import-error small" role="alert">
          <span className="bad-text">{error.message}</span>
          {error.code === 'conflict' && (
            <label className="field">
              <span>Import it as</span>
              <input value={rename} maxLength={120} onChange={(e) => setRename(e.target.value)} placeholder="A new name for the imported deal" />
            </label>
          )}
        </div>
      )}
    </div>
  );
}
