import { SEVERITIES, type Domain, type Severity } from '../../src-shared/domain';
import type { Dashboard } from '../../src-shared/contract';
import { useQuery } from '../api/use-query';
import { EffectiveSeverity, TypeTag } from '../components/Badges';
import { BarList, Donut, SeverityStacks } from '../components/Charts';
import { ExportActions } from '../components/ExportActions';
import { Icon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { ErrorBox, SkeletonRows } from '../components/States';
import { domainLabel, formatCount, FINDING_TYPE_LABELS, SEVERITY_LABELS } from '../lib/format';
import { useUi } from '../state/ui';
import { NoRunYet } from './NoRunYet';

export function DashboardPage({ dealId, runNumber }: { dealId: number; runNumber?: number }) {
  const dashboard = useQuery('dashboard.get', { dealId, runNumber }, { dealId });
  const deal = useQuery('deals.get', { dealId }, { dealId });
  const data = dashboard.data;
  return (
    <div className="page">
      <PageHeader
        eyebrow={deal.data?.deal.name}
        title="Dashboard"
        dealId={dealId}
        scope={data?.scope}
        actions={<ExportActions dealId={dealId} runNumber={runNumber} disabled={data?.scope.run?.status !== 'completed'} />}
      />
      {dashboard.error && <ErrorBox error={dashboard.error} onRetry={dashboard.refetch} />}
      {!data && !dashboard.error && <SkeletonRows rows={6} />}
      {data && data.scope.mode === 'none' && <NoRunYet dealId={dealId} />}
      {data && data.scope.run && <DashboardBody data={data} />}
    </div>
  );
}

function Kpi({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: string }) {
  return (
    <div className={`kpi ${tone ?? ''}`}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {detail && <div className="kpi-detail">{detail}</div>}
    </div>
  );
}

function DashboardBody({ data }: { data: Dashboard }) {
  const goTo = useUi((s) => s.goTo);
  const setFindings = useUi((s) => s.setFindings);
  const setGaps = useUi((s) => s.setGaps);
  const select = useUi((s) => s.select);
  const sev = Object.fromEntries(data.findingsBySeverity.map((s) => [s.severity, s.count])) as Record<Severity, number>;
  const gaps = Object.fromEntries(data.gapsByImportance.map((g) => [g.importance, g.count])) as Record<Severity, number>;
  const domains = [...new Set(data.factsByDomain.map((f) => f.domain))];
  const stacks = domains.map((domain) => {
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const cell of data.findingsByDomain) if (cell.domain === domain) counts[cell.severity] += cell.count;
    return { key: domain, label: domainLabel(domain), counts, onClick: () => openFindings({ domain }) };
  });
  const openFindings = (filter: { domain?: Domain; severity?: Severity }) => {
    setFindings({ domain: filter.domain, severity: filter.severity, type: undefined, search: '' });
    goTo('findings');
  };
  const { coverage } = data;
  return (
    <div className="dashboard">
      <section className="kpis" aria-label="Totals">
        <Kpi label="Documents" value={formatCount(data.totals.documents)} detail={`${coverage.parsed} analysed${coverage.failed ? ` · ${coverage.failed} failed` : ''}${coverage.pending ? ` · ${coverage.pending} pending` : ''}`} />
        <Kpi label="Facts" value={formatCount(data.totals.facts)} detail="each traced to a quote" />
        <Kpi label="Gaps" value={formatCount(data.totals.gaps)} detail={`${gaps.critical + gaps.high} critical or high`} tone={gaps.critical ? 'warn' : undefined} />
        <Kpi label="Findings" value={formatCount(data.totals.findings)} detail={`${sev.critical} critical · ${sev.high} high`} tone={sev.critical ? 'bad' : undefined} />
      </section>
      <div className="card-grid">
        <section className="card span-2" aria-labelledby="c-domain">
          <h2 id="c-domain">Findings by domain</h2>
          <SeverityStacks rows={stacks} />
        </section>
        <section className="card" aria-labelledby="c-sev">
          <h2 id="c-sev">Findings by severity</h2>
          <BarList items={SEVERITIES.map((s) => ({ key: s, label: SEVERITY_LABELS[s], value: sev[s], tone: `sev-bg-${s}`, onClick: () => openFindings({ severity: s }) }))} />
          <h3 className="card-sub">By type</h3>
          <BarList items={data.findingsByType.map((t) => ({ key: t.type, label: FINDING_TYPE_LABELS[t.type] ?? t.type, value: t.count, tone: 'muted-bg' }))} />
        </section>
        <section className="card span-2" aria-labelledby="c-risks">
          <div className="card-head">
            <h2 id="c-risks">Top risks</h2>
            <button className="btn btn-link" onClick={() => openFindings({})}>
              All findings <Icon name="chevron" size={14} />
            </button>
          </div>
          {data.topRisks.length === 0 ? (
            <p className="muted">No risks were raised in this run.</p>
          ) : (
            <ol className="risk-list">
              {data.topRisks.map((f) => (
                <li key={f.id}>
                  <button
                    className="risk"
                    onClick={() => {
                      setFindings({ domain: undefined, severity: undefined, type: undefined, search: '' });
                      goTo('findings');
                      select({ kind: 'finding', id: f.id });
                    }}
                  >
                    <EffectiveSeverity severity={f.severity} effective={f.effectiveSeverity} />
                    <span className="risk-title">{f.title}</span>
                    <span className="risk-meta">
                      {domainLabel(f.domain)} · <TypeTag type={f.type} />
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="card" aria-labelledby="c-gaps">
          <div className="card-head">
            <h2 id="c-gaps">Gaps by importance</h2>
            <button className="btn btn-link" onClick={() => goTo('gaps')}>
              Request list <Icon name="chevron" size={14} />
            </button>
          </div>
          <BarList
            items={SEVERITIES.map((s) => ({
              key: s,
              label: SEVERITY_LABELS[s],
              value: gaps[s],
              tone: `sev-bg-${s}`,
              onClick: () => {
                setGaps({ importance: s, domain: undefined, kind: undefined, search: '' });
                goTo('gaps');
              },
            }))}
          />
        </section>
        <section className="card span-2" aria-labelledby="c-inv">
          <h2 id="c-inv">Inventories</h2>
          {data.inventories.length === 0 ? (
            <p className="muted">No inventories (applications, servers, devices…) were found in this run.</p>
          ) : (
            <div className="inventory-tiles">
              {data.inventories.slice(0, 8).map((inv) => (
                <button key={`${inv.domain}:${inv.kind}`} className="inventory-tile" onClick={() => goTo('domain', inv.domain)} data-testid={`inventory-${inv.kind}`}>
                  <span className="inventory-count">{formatCount(inv.count)}</span>
                  <span className="inventory-label">{inv.label}</span>
                  <span className="inventory-domain">{domainLabel(inv.domain)}</span>
                </button>
              ))}
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="c-cov">
          <h2 id="c-cov">Data room coverage</h2>
          <Donut
            centerLabel="documents"
            slices={[
              { key: 'parsed', label: 'Analysed', value: coverage.parsed, tone: 'ok-bg' },
              { key: 'failed', label: 'Failed', value: coverage.failed, tone: 'bad-bg' },
              { key: 'pending', label: 'Pending', value: coverage.pending, tone: 'muted-bg' },
            ]}
          />
          <div className="kind-chips">
            {coverage.byKind.map((k) => (
              <span key={k.kind} className="tag">
                {k.kind.toUpperCase()} {k.total}
                {k.failed > 0 && <em> · {k.failed} failed</em>}
              </span>
            ))}
          </div>
        </section>
        <section className="card span-3" aria-labelledby="c-facts">
          <h2 id="c-facts">Facts by domain</h2>
          <BarList items={data.factsByDomain.map((f) => ({ key: f.domain, label: domainLabel(f.domain), value: f.count, tone: 'accent-bg', onClick: () => goTo('domain', f.domain) }))} />
        </section>
      </div>
    </div>
  );
}
