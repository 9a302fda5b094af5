import { DOMAINS } from '../../../src-shared/domain';
import type { GapRow } from '../../repositories/gaps';
import type { ReportCounts, ReportDocumentRow, ReportFindingRow, ReportQuote } from '../../repositories/report';
import type { ExportTarget } from './common';
import { esc } from './escape';
import {
  costBandLabel,
  dealTypeLabel,
  displayTime,
  documentStatusLabel,
  domainLabel,
  findingTypeLabel,
  gapKindLabel,
  lensLabel,
  locationLabel,
  phaseLabel,
  reviewLabel,
  severityLabel,
} from './labels';
import { domainChart, severityChart, SEVERITY_STYLES } from './svg-charts';

/** Everything the report shows, read from the database before any HTML is written. */
export interface ReportData extends ExportTarget {
  counts: ReportCounts;
  includeDismissed: boolean;
  findings: ReportFindingRow[];
  topRisks: ReportFindingRow[];
  quotes: Map<number, ReportQuote[]>;
  gaps: GapRow[];
  documents: ReportDocumentRow[];
}

const sevBadge = (severity: string) => `<span class="sev sev-${esc(severity)}">${esc(severityLabel(severity))}</span>`;

function facts(pairs: Array<[string, string | number]>): string {
  return `<dl class="facts">${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

export function executiveSummary(d: ReportData): string {
  const { deal, run, counts: c } = d;
  const sev = SEVERITY_STYLES.map((s) => `${c.findingsBySeverity[s.key] ?? 0} ${s.label.toLowerCase()}`).join(', ');
  const req = SEVERITY_STYLES.map((s) => `${c.gapsByImportance[s.key] ?? 0} ${s.label.toLowerCase()}`).join(', ');
  const dismissed =
    c.dismissedFindings === 0
      ? 'No finding has been dismissed in review.'
      : d.includeDismissed
        ? `${c.dismissedFindings} finding(s) dismissed in review are included and marked as dismissed.`
        : `${c.dismissedFindings} finding(s) dismissed in review are left out.`;
  const failed = c.failedDocuments > 0 ? ` ${c.failedDocuments} document(s) could not be read; see the document list.` : '';
  return `<section id="summary" class="first">
<h1>IT due diligence: ${esc(deal.name)}</h1>
<p class="lede">Findings, work items and open requests from the analysis of the data room, as of ${esc(deal.asOfDate)}.</p>
${facts([
  ['Deal', deal.name],
  ['Target', deal.targetName ?? '—'],
  ['Buyer', deal.buyerName ?? '—'],
  ['Deal type', dealTypeLabel(deal.dealType)],
  ['As-of date', deal.asOfDate],
  ['Analysis run', `Run ${run.runNumber}, ${run.status} ${displayTime(run.finishedAt)}`],
  ['Engine', run.engineVersion],
])}
<h2>At a glance</h2>
<table class="counts"><tbody>
<tr><th>Documents analysed</th><td>${c.documents}</td></tr>
<tr><th>Facts extracted</th><td>${c.facts}</td></tr>
<tr><th>Findings</th><td>${c.findings} (${esc(sev)})</td></tr>
<tr><th>Work items</th><td>${c.findingsByType.work_item ?? 0}</td></tr>
<tr><th>Open requests to the target</th><td>${c.gaps} (${esc(req)})</td></tr>
</tbody></table>
<p class="note">${esc(dismissed)}${c.severityOverrides > 0 ? ` ${c.severityOverrides} severity(ies) were changed by a reviewer; the report shows the reviewed severity.` : ''}${esc(failed)}</p>
<div class="charts">
<figure>${severityChart(c.findingsBySeverity)}<figcaption>Findings by severity</figcaption></figure>
<figure>${domainChart(DOMAINS.filter((dm) => c.findingsByDomain[dm]).map((dm) => ({ label: domainLabel(dm), counts: c.findingsByDomain[dm]! })))}<figcaption>Findings by domain</figcaption></figure>
</div>
</section>`;
}

export function topRisks(d: ReportData): string {
  const rows = d.topRisks.map(
    (r, i) => `<tr><td class="num">${i + 1}</td><td>${sevBadge(r.severity)}</td><td>${esc(domainLabel(r.finding.domain))}</td><td><strong>${esc(r.finding.title)}</strong><div class="small">${esc(r.finding.description)}</div></td><td>${esc(lensLabel(r.finding.lens))}</td></tr>`,
  );
  const body = rows.length > 0 ? `<table class="list"><thead><tr><th>#</th><th>Severity</th><th>Domain</th><th>Risk</th><th>M&amp;A lens</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p>No risks were found in this run.</p>';
  return `<section id="top-risks"><h2>Top risks</h2>${body}</section>`;
}

function quoteBlock(q: ReportQuote): string {
  return `<blockquote><p>“${esc(q.quote)}”</p><cite>${esc(q.documentPath)} — ${esc(locationLabel(q))}</cite></blockquote>`;
}

function findingBlock(r: ReportFindingRow, quotes: ReportQuote[]): string {
  const f = r.finding;
  const meta = [findingTypeLabel(f.type), lensLabel(f.lens), phaseLabel(f.phase), f.costBand ? `Cost ${costBandLabel(f.costBand)}` : ''].filter(Boolean);
  const overridden = r.severity !== f.severity ? ` <span class="small">(rule said ${esc(severityLabel(f.severity))})</span>` : '';
  const review = r.reviewStatus || r.reviewNote
    ? `<p class="review"><strong>Review:</strong> ${esc(reviewLabel(r.reviewStatus) || 'Note')}${r.reviewReason ? ` — ${esc(r.reviewReason)}` : ''}${r.reviewNote ? ` — ${esc(r.reviewNote)}` : ''}${r.reviewedBy ? ` <span class="small">(${esc(r.reviewedBy)}, ${esc(displayTime(r.reviewedAt))})</span>` : ''}</p>`
    : '';
  const evidence = quotes.length > 0 ? `<div class="evidence"><h4>Evidence</h4>${quotes.map(quoteBlock).join('')}</div>` : '';
  return `<article class="finding${r.reviewStatus === 'dismissed' ? ' dismissed' : ''}">
<h3>${sevBadge(r.severity)}${overridden} ${esc(f.title)}</h3>
<p class="meta">${meta.map(esc).join(' · ')}</p>
<p>${esc(f.description)}</p>
${review}${evidence}</article>`;
}

export function findingsByDomain(d: ReportData): string {
  const parts: string[] = [];
  for (const domain of DOMAINS) {
    const rows = d.findings.filter((r) => r.finding.domain === domain);
    if (rows.length === 0) continue;
    parts.push(`<div class="domain"><h2 class="domain-title">${esc(domainLabel(domain))} <span class="small">(${rows.length})</span></h2>${rows.map((r) => findingBlock(r, d.quotes.get(r.finding.id) ?? [])).join('')}</div>`);
  }
  const body = parts.length > 0 ? parts.join('') : '<p>No findings in this run.</p>';
  return `<section id="findings"><h2>Findings by domain</h2>${body}</section>`;
}

export function requestList(d: ReportData): string {
  const rows = d.gaps.map(
    (g, i) => `<tr><td class="num">${i + 1}</td><td>${sevBadge(g.importance)}</td><td>${esc(domainLabel(g.domain))}</td><td><strong>${esc(g.title)}</strong><div class="small">${esc(gapKindLabel(g.kind))}</div></td><td>${esc(g.request)}</td></tr>`,
  );
  const body = rows.length > 0 ? `<table class="list"><thead><tr><th>#</th><th>Importance</th><th>Domain</th><th>Topic</th><th>Request</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p>No open requests: the data room covers every checklist item.</p>';
  return `<section id="requests"><h2>Request list</h2><p class="note">Information the data room does not yet provide, phrased as requests to send to the target, most important first.</p>${body}</section>`;
}

export function documentList(d: ReportData): string {
  const rows = d.documents.map(
    (r) => `<tr><td>${esc(r.document.relativePath)}</td><td>${esc(r.document.kind.toUpperCase())}</td><td>${esc(documentStatusLabel(r.runStatus))}${r.document.error || r.runError ? `<div class="small">${esc(r.document.error ?? r.runError)}</div>` : ''}</td><td class="num">${r.evidenceCount}</td></tr>`,
  );
  return `<section id="documents"><h2>Documents</h2><table class="list"><thead><tr><th>Document</th><th>Kind</th><th>Status</th><th>Evidence</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}
