import { DOMAINS, type Domain } from '../../src-shared/domain';
import { useQuery } from '../api/use-query';
import { domainLabel } from '../lib/format';
import type { DealPage } from '../state/route';
import { useUi } from '../state/ui';
import { StatusPill } from './Badges';
import { Icon, type IconName } from './Icons';

function NavItem({ icon, label, active, onClick, badge }: { icon: IconName; label: string; active: boolean; onClick: () => void; badge?: React.ReactNode }) {
  return (
    <li>
      <button className={`nav-item${active ? ' active' : ''}`} aria-current={active ? 'page' : undefined} onClick={onClick}>
        <Icon name={icon} />
        <span>{label}</span>
        {badge}
      </button>
    </li>
  );
}

export function Sidebar() {
  const route = useUi((s) => s.route);
  const navigate = useUi((s) => s.navigate);
  const goTo = useUi((s) => s.goTo);
  const openSettings = useUi((s) => s.openSettings);
  const settingsOpen = useUi((s) => s.settingsOpen);
  const dealId = route.page === 'deals' ? null : route.dealId;
  const deal = useQuery('deals.get', dealId === null ? null : { dealId }, { dealId: dealId ?? undefined, refreshOn: ['run.finished', 'run.started', 'deals.changed'] });
  const isPage = (page: DealPage, domain?: Domain) => route.page === page && (domain === undefined || (route.page === 'domain' && route.domain === domain));
  const running = deal.data?.lastRun?.status === 'running';

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark">
          <Icon name="logo" size={20} />
        </span>
        <span className="brand-name">Diligence Desk</span>
      </div>
      <ul className="nav">
        <NavItem icon="deals" label="All deals" active={route.page === 'deals'} onClick={() => navigate({ page: 'deals' })} />
      </ul>
      {dealId !== null && (
        <>
          <div className="deal-card">
            <div className="deal-card-label">Deal</div>
            <div className="deal-card-name" title={deal.data?.deal.name}>
              {deal.data?.deal.name ?? '…'}
            </div>
            {deal.data?.deal.targetName && <div className="deal-card-meta">{deal.data.deal.targetName}</div>}
          </div>
          <div className="nav-section">Overview</div>
          <ul className="nav">
            <NavItem icon="dashboard" label="Dashboard" active={isPage('dashboard')} onClick={() => goTo('dashboard')} />
            <NavItem icon="progress" label="Run progress" active={isPage('progress')} onClick={() => goTo('progress')} badge={running ? <StatusPill status="running" /> : undefined} />
          </ul>
          <div className="nav-section">Domains</div>
          <ul className="nav">
            {DOMAINS.map((d) => (
              <NavItem key={d} icon={d} label={domainLabel(d)} active={isPage('domain', d)} onClick={() => goTo('domain', d)} />
            ))}
          </ul>
          <div className="nav-section">Results</div>
          <ul className="nav">
            <NavItem icon="findings" label="Findings" active={isPage('findings')} onClick={() => goTo('findings')} />
            <NavItem icon="gaps" label="Gaps & requests" active={isPage('gaps')} onClick={() => goTo('gaps')} />
            <NavItem icon="facts" label="Facts" active={isPage('facts')} onClick={() => goTo('facts')} />
            <NavItem icon="search" label="Search" active={isPage('search')} onClick={() => goTo('search')} />
            <NavItem icon="compare" label="Compare runs" active={isPage('compare')} onClick={() => goTo('compare')} />
          </ul>
          <div className="nav-section">Data room</div>
          <ul className="nav">
            <NavItem icon="documents" label="Documents" active={isPage('documents')} onClick={() => goTo('documents')} />
            <NavItem icon="runs" label="Runs" active={isPage('runs')} onClick={() => goTo('runs')} />
          </ul>
        </>
      )}
      <ul className="nav nav-bottom">
        <NavItem icon="sparkle" label="Settings" active={settingsOpen} onClick={openSettings} />
      </ul>
    </nav>
  );
}
