import { useState } from 'react';
import { ApiError, invoke } from '../api/client';
import { Icon } from '../components/Icons';
import { EmptyState, ErrorBox } from '../components/States';
import { useUi } from '../state/ui';

/** The empty state of a deal that has never been analysed. */
export function NoRunYet({ dealId }: { dealId: number }) {
  const goTo = useUi((s) => s.goTo);
  const [error, setError] = useState<ApiError | null>(null);
  const start = async () => {
    try {
      await invoke('runs.start', { dealId });
      goTo('progress');
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('internal', String(err)));
    }
  };
  return (
    <>
      {error && <ErrorBox error={error} />}
      <EmptyState
        icon="play"
        title="No analysis yet"
        actions={
          <button className="btn btn-primary" onClick={start}>
            <Icon name="play" size={16} /> Analyse the data room
          </button>
        }
      >
        This deal has no analysis run. Run one to extract facts, gaps and findings from its data room.
      </EmptyState>
    </>
  );
}
