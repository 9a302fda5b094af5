import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/open';
import { ReportQueries, type ReportQuote } from '../../repositories/report';
import { resolveExportTarget, writeAtomicallySync } from './common';
import { esc } from './escape';
import { documentList, executiveSummary, findingsByDomain, requestList, topRisks, type ReportData } from './report-sections';

export interface ReportInput {
  dealId: number;
  /** The run's id (analysis_runs.id); default: the deal's latest completed run. */
  runId?: number;
  /** Dismissed findings are left out, as in every default view, unless this is set. */
  includeDismissed?: boolean;
}

const TOP_RISKS = 10;
const QUOTES_PER_FINDING = 3;

/** Reads what the report shows, all of it filtered and ordered in SQL. */
function loadReport(db: Db, input: ReportInput): ReportData {
  const target = resolveExportTarget(db, input.dealId, input.runId);
  const includeDismissed = input.includeDismissed ?? false;
  const scope = { includeDeleted: includeDismissed };
  const queries = new ReportQueries(db);
  const runId = target.run.id;
  const quotes = new Map<number, ReportQuote[]>();
  for (const q of queries.findingQuotes(runId, QUOTES_PER_FINDING, scope)) {
    const list = quotes.get(q.findingId) ?? [];
    list.push(q);
    quotes.set(q.findingId, list);
  }
  return {
    ...target,
    includeDismissed,
    counts: queries.counts(runId, scope),
    findings: queries.findings(runId, scope),
    topRisks: queries.findings(runId, scope, 'risk').slice(0, TOP_RISKS),
    quotes,
    gaps: queries.gaps(runId),
    documents: queries.documents(runId),
  };
}

/**
 * The deal's report for one run as one self-contained HTML page: executive summary with charts,
 * top risks, findings by domain with their evidence, the request list and the documents. All CSS
 * is inline, there is no script and no external reference of any kind (fonts, images, links), and
 * it prints to PDF with a page per section. Every piece of document text is escaped.
 */
export function renderDealReport(db: Db, input: ReportInput): string {
  const data = loadReport(db, input);
  const title = `IT due diligence — ${data.deal.name} — run ${data.run.runNumber}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Diligence Desk">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<nav class="toc"><strong>Contents:</strong> Summary · Top risks · Findings by domain · Request list · Documents</nav>
<main>
${executiveSummary(data)}
${topRisks(data)}
${findingsByDomain(data)}
${requestList(data)}
${documentList(data)}
</main>
<footer>${esc(data.deal.name)} · run ${data.run.runNumber} · as of ${esc(data.deal.asOfDate)} · Diligence Desk</footer>
</body>
</html>
`;
}

/** Writes the report to `file` (through a temporary file, so a failure never leaves half a page). */
export function writeDealReport(db: Db, input: ReportInput & { file: string }): { file: string; runId: number } {
  // Resolve first: a bad deal or run is reported before anything touches the disk.
  const { run } = resolveExportTarget(db, input.dealId, input.runId);
  const html = renderDealReport(db, { ...input, runId: run.id });
  writeAtomicallySync(input.file, (temp) => writeFileSync(temp, html, 'utf8'));
  return { file: path.resolve(input.file), runId: run.id };
}

// Print first: black text on white, severities told by label and border as much as by colour.
const CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font:14px/1.45 Georgia,"Times New Roman",serif;color:#111;background:#fff}
main{max-width:960px;margin:0 auto;padding:24px 32px}
h1,h2,h3,h4,.toc,footer,table,dl,.meta,.sev,figcaption{font-family:Helvetica,Arial,sans-serif}
h1{font-size:26px;margin:0 0 6px}
h2{font-size:20px;margin:28px 0 10px;border-bottom:2px solid #111;padding-bottom:4px}
h2.domain-title{font-size:17px;border-bottom:1px solid #555}
h3{font-size:15px;margin:0 0 4px}
h4{font-size:12px;margin:8px 0 4px;text-transform:uppercase;letter-spacing:.05em;color:#333}
.lede{font-size:16px;margin:0 0 12px}
.toc{max-width:960px;margin:0 auto;padding:12px 32px 0;font-size:12px;color:#333}
dl.facts{display:grid;grid-template-columns:150px 1fr;gap:2px 12px;font-size:13px;margin:12px 0}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}
thead th{background:#e6e6e6}
table.counts{width:auto}
table.counts th{background:none;font-weight:normal}
td.num{text-align:right;white-space:nowrap}
thead{display:table-header-group}
tr{break-inside:avoid}
.small{font-size:11.5px;color:#333}
.note{font-size:12.5px;color:#333}
.charts{display:flex;flex-wrap:wrap;gap:16px;margin-top:12px}
figure{margin:0;border:1px solid #ccc;padding:8px;flex:1 1 400px}
figcaption{font-size:12px;font-weight:bold;margin-top:4px}
svg.chart{max-width:100%;height:auto;display:block}
.sev{display:inline-block;min-width:64px;text-align:center;font-size:11px;font-weight:bold;padding:1px 6px;border:1.5px solid #111;border-radius:3px;margin-right:6px;vertical-align:1px}
.sev-critical{background:#8b1a1a;color:#fff;border-style:double;border-width:3px}
.sev-high{background:#f4c09f;border-width:2px}
.sev-medium{background:#fbe7a6;border-style:dashed}
.sev-low{background:#dcebd2;border-style:dotted}
article.finding{border-left:3px solid #555;padding:6px 0 6px 12px;margin:12px 0;break-inside:avoid}
article.dismissed{opacity:.7;border-left-style:dashed}
.meta{font-size:12px;color:#333;margin:0 0 6px}
.review{font-size:12.5px;background:#f3f3f3;padding:4px 6px}
blockquote{margin:4px 0 6px 0;padding:4px 10px;border-left:2px solid #999;font-size:12.5px;background:#fafafa}
blockquote p{margin:0;overflow-wrap:anywhere}
cite{display:block;font-size:11.5px;color:#333;font-style:normal;font-family:Helvetica,Arial,sans-serif;overflow-wrap:anywhere}
footer{max-width:960px;margin:24px auto;padding:8px 32px;font-size:11px;color:#555;border-top:1px solid #ccc}
@page{size:A4;margin:16mm 14mm}
@media print{
  body{font-size:11pt}
  main{max-width:none;padding:0}
  .toc{display:none}
  section{break-before:page}
  section.first{break-before:auto}
  h2,h3{break-after:avoid}
  figure{break-inside:avoid}
  .charts{display:block}
  figure{margin-bottom:12px}
  footer{margin:12px 0 0;padding:6px 0}
}`;
