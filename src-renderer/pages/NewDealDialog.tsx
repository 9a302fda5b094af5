import { useState, type FormEvent } from 'react';
import { DEAL_TYPES, type DealType } from '../../src-shared/domain';
import { ApiError, invoke } from '../api/client';
import { useQuery } from '../api/use-query';
import { Icon } from '../components/Icons';
import { Dialog } from '../components/Overlay';
import { DEAL_TYPE_LABELS } from '../lib/format';
import { useUi } from '../state/ui';

function folderName(folder: string): string {
  return folder.split(/[\\/]/).filter(Boolean).pop() ?? '';
}

export function NewDealDialog({ initialFolder }: { initialFolder?: string }) {
  const close = useUi((s) => s.closeNewDeal);
  const navigate = useUi((s) => s.navigate);
  const info = useQuery('app.info', {});
  const [folder, setFolder] = useState(initialFolder ?? '');
  const [name, setName] = useState(initialFolder ? folderName(initialFolder) : '');
  const [target, setTarget] = useState('');
  const [buyer, setBuyer] = useState('');
  const [dealType, setDealType] = useState<DealType>('acquisition');
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const [startRun, setStartRun] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const browse = async () => {
    const picked = await invoke('dialog.pickFolder', { title: 'Choose the data room folder' });
    if (picked.path) {
      setFolder(picked.path);
      if (!name) setName(folderName(picked.path));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await invoke('deals.create', {
        name: name.trim(),
        targetName: target.trim() || undefined,
        buyerName: buyer.trim() || undefined,
        dealType,
        asOfDate: asOf,
        dataRoomPath: folder.trim(),
        startRun,
      });
      close();
      navigate({ page: result.run ? 'progress' : 'dashboard', dealId: result.deal.id });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New deal"
      onClose={close}
      footer={
        <>
          <button type="button" className="btn btn-secondary" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="new-deal" className="btn btn-primary" disabled={busy}>
            {busy ? 'Creating…' : startRun ? 'Create and analyse' : 'Create deal'}
          </button>
        </>
      }
    >
      <form id="new-deal" className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="dd-folder">Data room folder</label>
          <div className="field-row">
            <input id="dd-folder" name="dataRoomPath" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/path/to/data-room" required autoFocus aria-describedby="dd-folder-hint" />
            {info.data?.canPickFolder && (
              <button type="button" className="btn btn-secondary" onClick={browse}>
                <Icon name="folder" size={16} /> Browse…
              </button>
            )}
          </div>
          <small id="dd-folder-hint">Documents in a folder named “buyer” are attributed to the buyer; everything else to the target. You can also drop a folder on the window.</small>
        </div>
        <label className="field">
          <span>Deal name</span>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} placeholder="Project Atlas" />
        </label>
        <div className="field-grid">
          <label className="field">
            <span>Target</span>
            <input name="targetName" value={target} onChange={(e) => setTarget(e.target.value)} maxLength={120} />
          </label>
          <label className="field">
            <span>Buyer</span>
            <input name="buyerName" value={buyer} onChange={(e) => setBuyer(e.target.value)} maxLength={120} />
          </label>
          <label className="field">
            <span>Deal type</span>
            <select name="dealType" value={dealType} onChange={(e) => setDealType(e.target.value as DealType)}>
              {DEAL_TYPES.map((t) => (
                <option key={t} value={t}>
                  {DEAL_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>As-of date</span>
            <input name="asOfDate" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} required />
          </label>
        </div>
        <label className="check">
          <input type="checkbox" checked={startRun} onChange={(e) => setStartRun(e.target.checked)} />
          <span>Start the analysis now</span>
        </label>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
      </form>
    </Dialog>
  );
}
