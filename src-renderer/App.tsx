import { useEffect } from 'react';
import { onEvent, isConnected } from './api/client';
import { Sidebar } from './components/Sidebar';
import { EmptyState } from './components/States';
import { ComparePage } from './pages/ComparePage';
import { DashboardPage } from './pages/DashboardPage';
import { DealsPage } from './pages/DealsPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { DomainPage } from './pages/DomainPage';
import { NewDealDialog } from './pages/NewDealDialog';
import { FactsPage, FindingsPage, GapsPage } from './pages/ResultPages';
import { RunProgressPage } from './pages/RunProgressPage';
import { RunsPage } from './pages/RunsPage';
import { SearchPage } from './pages/SearchPage';
import { SettingsPage } from './pages/SettingsPage';
import { useUi } from './state/ui';
import type { UiCommand } from '../src-shared/contract';

function useShellEvents(): void {
  const { navigate, goTo, openNewDeal, syncFromHash } = useUi.getState();
  useEffect(() => {
    const onHash = () => syncFromHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    const commands: Record<UiCommand, () => void> = {
      'new-deal': () => openNewDeal(),
      'go-deals': () => navigate({ page: 'deals' }),
      'go-dashboard': () => goTo('dashboard'),
      'go-findings': () => goTo('findings'),
      'go-gaps': () => goTo('gaps'),
      'go-facts': () => goTo('facts'),
      'go-documents': () => goTo('documents'),
      'go-runs': () => goTo('runs'),
      'go-progress': () => goTo('progress'),
      'focus-search': () => window.dispatchEvent(new Event('dd:focus-search')),
    };
    const offCommand = onEvent('ui.command', ({ command }) => commands[command]?.());
    const offDrop = onEvent('ui.folderDropped', ({ path }) => openNewDeal(path));
    return () => {
      window.removeEventListener('hashchange', onHash);
      offCommand();
      offDrop();
    };
  }, [navigate, goTo, openNewDeal, syncFromHash]);
}

function Page() {
  const route = useUi((s) => s.route);
  if (route.page === 'deals') return <DealsPage />;
  const { dealId, runNumber } = route;
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage dealId={dealId} runNumber={runNumber} />;
    case 'progress':
      return <RunProgressPage dealId={dealId} runNumber={runNumber} />;
    case 'domain':
      return <DomainPage dealId={dealId} domain={route.domain ?? 'applications'} runNumber={runNumber} />;
    case 'findings':
      return <FindingsPage dealId={dealId} runNumber={runNumber} />;
    case 'gaps':
      return <GapsPage dealId={dealId} runNumber={runNumber} />;
    case 'facts':
      return <FactsPage dealId={dealId} runNumber={runNumber} />;
    case 'documents':
      return <DocumentsPage dealId={dealId} runNumber={runNumber} />;
    case 'runs':
      return <RunsPage dealId={dealId} />;
    case 'compare':
      return <ComparePage dealId={dealId} />;
    case 'search':
      return <SearchPage dealId={dealId} runNumber={runNumber} />;
  }
}

export function App() {
  useShellEvents();
  const route = useUi((s) => s.route);
  const newDeal = useUi((s) => s.newDeal);
  const settingsOpen = useUi((s) => s.settingsOpen);
  const key = route.page === 'deals' ? 'deals' : `${route.dealId}:${route.page}:${route.page === 'domain' ? route.domain : ''}`;
  if (!isConnected()) {
    return (
      <main className="disconnected">
        <EmptyState icon="alert" title="Not connected">
          This page needs the Diligence Desk backend. Open it from the desktop app, or from the URL the dev bridge prints (it carries the access token).
        </EmptyState>
      </main>
    );
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar />
      <main id="main" className="main" tabIndex={-1}>
        <Page key={key} />
      </main>
      {newDeal.open && <NewDealDialog initialFolder={newDeal.folder} />}
      {settingsOpen && <SettingsPage />}
    </div>
  );
}
