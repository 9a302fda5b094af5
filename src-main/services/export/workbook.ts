import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/open';
import { factCursor, ReportQueries, type ReportCounts, type ReportDocumentRow, type ReportFactRow, type ReportFindingRow, type ReportQuote } from '../../repositories/report';
import type { GapRow } from '../../repositories/gaps';
import { resolveExportTarget, writeAtomically, type ExportTarget } from './common';
import {
  asDate,
  attributeLabel,
  changeLabel,
  costBandLabel,
  dealTypeLabel,
  documentStatusLabel,
  domainLabel,
  entityLabel,
  findingTypeLabel,
  gapKindLabel,
  lensLabel,
  locationLabel,
  phaseLabel,
  reviewLabel,
  severityLabel,
  subjectLabel,
} from './labels';
import { COUNT_FORMAT, DATE_FORMAT, DATE_TIME_FORMAT, writeSheet, type SheetColumn } from './sheets';

/** The sheets of the export workbook, in order. */
export const WORKBOOK_SHEETS = ['Summary', 'Findings', 'Work items', 'Request list', 'Facts', 'Documents'] as const;

export interface WorkbookInput {
  dealId: number;
  /** The run's id (analysis_runs.id); default: the deal's latest completed run. */
  runId?: number;
  file: string;
  /** Dismissed findings are left out, as in every default view, unless this is set. */
  includeDismissed?: boolean;
}

export interface WorkbookResult {
  file: string;
  runId: number;
  /** Data rows per sheet (header rows not counted). */
  sheets: Record<string, number>;
}

const FACT_PAGE = 2000;
const QUOTES_PER_FINDING = 3;

/**
 * Writes the deal's results for one run as an Excel workbook: Summary, Findings, Work items,
 * Request list, Facts and Documents. Streamed (a 100k-fact room never sits in memory) into a
 * temporary file that replaces `file` only when complete.
 */
export async function writeDealWorkbook(db: Db, input: WorkbookInput): Promise<WorkbookResult> {
  const target = resolveExportTarget(db, input.dealId, input.runId);
  const scope = { includeDeleted: input.includeDismissed ?? false };
  const queries = new ReportQueries(db);
  return writeAtomically(input.file, async (temp) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Diligence Desk';
    workbook.created = asDate(target.run.finishedAt) ?? new Date(0);
    try {
      const counts = queries.counts(target.run.id, scope);
      const quotes = groupQuotes(queries.findingQuotes(target.run.id, QUOTES_PER_FINDING, scope));
      const sheets: Record<string, number> = {};
      sheets.Summary = await writeSheet(workbook, 'Summary', SUMMARY_COLUMNS, summaryRows(target, counts, scope.includeDeleted));
      sheets.Findings = await writeSheet(workbook, 'Findings', findingColumns(quotes), queries.findings(target.run.id, scope));
      sheets['Work items'] = await writeSheet(workbook, 'Work items', WORK_ITEM_COLUMNS, queries.findings(target.run.id, scope, 'work_item'));
      sheets['Request list'] = await writeSheet(workbook, 'Request list', REQUEST_COLUMNS, numbered(queries.gaps(target.run.id)));
      sheets.Facts = await writeSheet(workbook, 'Facts', FACT_COLUMNS, pagedFacts(queries, target.run.id));
      sheets.Documents = await writeSheet(workbook, 'Documents', DOCUMENT_COLUMNS, queries.documents(target.run.id));
      await workbook.commit();
      return { file: path.resolve(input.file), runId: target.run.id, sheets };
    } catch (error) {
      // Close the half-written file so the temporary copy can be removed (Windows refuses an open one).
      (workbook as unknown as { stream?: { destroy?: () => void } }).stream?.destroy?.();
      throw error;
    }
  });
}

/** The run's facts page by page: no open statement is held while the zip stream drains. */
function* pagedFacts(queries: ReportQueries, runId: number): Generator<ReportFactRow> {
  let page = queries.factsPage(runId, null, FACT_PAGE);
  while (page.length > 0) {
    yield* page;
    if (page.length < FACT_PAGE) return;
    page = queries.factsPage(runId, factCursor(page[page.length - 1]!), FACT_PAGE);
  }
}

function groupQuotes(rows: ReportQuote[]): Map<number, ReportQuote[]> {
  const byFinding = new Map<number, ReportQuote[]>();
  for (const q of rows) {
    const list = byFinding.get(q.findingId) ?? [];
    list.push(q);
    byFinding.set(q.findingId, list);
  }
  return byFinding;
}

function* numbered<T>(rows: T[]): Generator<{ n: number; row: T }> {
  let n = 0;
  for (const row of rows) yield { n: ++n, row };
}

type SummaryRow = [string, string | number | Date | null, string?];

const SUMMARY_COLUMNS: Array<SheetColumn<SummaryRow>> = [
  { header: 'Item', width: 34, value: (r) => r[0] },
  { header: 'Value', width: 60, value: (r) => r[1], cellFormat: (r) => r[2], wrap: true },
];

function summaryRows({ deal, run }: ExportTarget, c: ReportCounts, includeDismissed: boolean): SummaryRow[] {
  const sev = (record: Record<string, number>, s: string) => record[s] ?? 0;
  const date = (text: string | null): SummaryRow[1] => asDate(text) ?? text;
  return [
    ['Deal', deal.name],
    ['Target', deal.targetName ?? ''],
    ['Buyer', deal.buyerName ?? ''],
    ['Deal type', dealTypeLabel(deal.dealType)],
    ['As-of date', date(deal.asOfDate), DATE_FORMAT],
    ['Data room', deal.dataRoomPath ?? ''],
    ['Run', run.runNumber],
    ['Run status', run.status],
    ['Run started', date(run.startedAt), DATE_TIME_FORMAT],
    ['Run finished', date(run.finishedAt), DATE_TIME_FORMAT],
    ['Engine version', run.engineVersion],
    ['Dismissed findings', includeDismissed ? `Included (${c.dismissedFindings}), marked Dismissed` : `Left out (${c.dismissedFindings})`],
    ['Documents', c.documents, COUNT_FORMAT],
    ['Documents that could not be read', c.failedDocuments, COUNT_FORMAT],
    ['Facts', c.facts, COUNT_FORMAT],
    ['Requests (gaps)', c.gaps, COUNT_FORMAT],
    ...(['critical', 'high', 'medium', 'low'].map((s) => [`Requests: ${severityLabel(s)}`, sev(c.gapsByImportance, s), COUNT_FORMAT]) as SummaryRow[]),
    ['Findings', c.findings, COUNT_FORMAT],
    ...(['critical', 'high', 'medium', 'low'].map((s) => [`Findings: ${severityLabel(s)}`, sev(c.findingsBySeverity, s), COUNT_FORMAT]) as SummaryRow[]),
    ['Work items', c.findingsByType.work_item ?? 0, COUNT_FORMAT],
    ['Severity overrides by reviewers', c.severityOverrides, COUNT_FORMAT],
    ...(['confirmed', 'incorrect', 'needs_info'].map((s) => [`Facts reviewed: ${reviewLabel(s)}`, c.factsByReviewStatus[s] ?? 0, COUNT_FORMAT]) as SummaryRow[]),
  ];
}

const reviewedAt = (r: { reviewedAt: string | null }) => asDate(r.reviewedAt);

function findingColumns(quotes: Map<number, ReportQuote[]>): Array<SheetColumn<ReportFindingRow>> {
  return [
    { header: 'Severity', width: 11, value: (r) => severityLabel(r.severity), severity: true },
    { header: 'Rule severity', width: 11, value: (r) => (r.severity !== r.finding.severity ? severityLabel(r.finding.severity) : '') },
    { header: 'Type', width: 16, value: (r) => findingTypeLabel(r.finding.type) },
    { header: 'Domain', width: 18, value: (r) => domainLabel(r.finding.domain) },
    { header: 'Title', width: 45, value: (r) => r.finding.title, wrap: true },
    { header: 'Description', width: 70, value: (r) => r.finding.description, wrap: true },
    { header: 'M&A lens', width: 20, value: (r) => lensLabel(r.finding.lens) },
    { header: 'Phase', width: 15, value: (r) => phaseLabel(r.finding.phase) },
    { header: 'Cost band', width: 13, value: (r) => costBandLabel(r.finding.costBand) },
    { header: 'Review', width: 11, value: (r) => reviewLabel(r.reviewStatus) },
    { header: 'Dismissal reason', width: 30, value: (r) => r.reviewReason ?? '', wrap: true },
    { header: 'Review note', width: 30, value: (r) => r.reviewNote ?? '', wrap: true },
    { header: 'Reviewed by', width: 14, value: (r) => r.reviewedBy ?? '' },
    { header: 'Reviewed at', width: 17, value: reviewedAt, numFmt: DATE_TIME_FORMAT },
    {
      header: 'Evidence',
      width: 80,
      wrap: true,
      value: (r) => (quotes.get(r.finding.id) ?? []).map((q) => `“${q.quote}” — ${q.documentPath}, ${locationLabel(q)}`).join('\n'),
    },
    { header: 'Reasoning', width: 70, value: (r) => r.finding.reasoning, wrap: true },
    { header: 'Facts cited', width: 10, value: (r) => r.factCount, numFmt: COUNT_FORMAT },
    { header: 'Requests cited', width: 10, value: (r) => r.gapCount, numFmt: COUNT_FORMAT },
    { header: 'Rule', width: 22, value: (r) => r.finding.ruleId },
    { header: 'Key', width: 38, value: (r) => r.finding.stableKey },
  ];
}

const WORK_ITEM_COLUMNS: Array<SheetColumn<ReportFindingRow>> = [
  { header: 'Phase', width: 15, value: (r) => phaseLabel(r.finding.phase) },
  { header: 'Severity', width: 11, value: (r) => severityLabel(r.severity), severity: true },
  { header: 'Domain', width: 18, value: (r) => domainLabel(r.finding.domain) },
  { header: 'Work item', width: 45, value: (r) => r.finding.title, wrap: true },
  { header: 'Description', width: 70, value: (r) => r.finding.description, wrap: true },
  { header: 'Cost band', width: 13, value: (r) => costBandLabel(r.finding.costBand) },
  { header: 'M&A lens', width: 20, value: (r) => lensLabel(r.finding.lens) },
  { header: 'Review', width: 11, value: (r) => reviewLabel(r.reviewStatus) },
  { header: 'Review note', width: 30, value: (r) => r.reviewNote ?? '', wrap: true },
  { header: 'Owner', width: 16, value: () => '' },
  { header: 'Key', width: 38, value: (r) => r.finding.stableKey },
];

const REQUEST_COLUMNS: Array<SheetColumn<{ n: number; row: GapRow }>> = [
  { header: '#', width: 6, value: (r) => r.n },
  { header: 'Importance', width: 11, value: (r) => severityLabel(r.row.importance), severity: true },
  { header: 'Domain', width: 18, value: (r) => domainLabel(r.row.domain) },
  { header: 'Topic', width: 36, value: (r) => r.row.title, wrap: true },
  { header: 'Request', width: 80, value: (r) => r.row.request, wrap: true },
  { header: 'Status', width: 14, value: (r) => gapKindLabel(r.row.kind) },
  { header: 'Why we ask', width: 60, value: (r) => r.row.reasoning, wrap: true },
  { header: 'Checklist item', width: 16, value: (r) => r.row.checklistItem },
  { header: 'Response', width: 50, value: () => '', wrap: true },
  { header: 'Date received', width: 14, value: () => null, numFmt: DATE_FORMAT },
];

/** A fact's value as Excel should hold it: numbers as numbers, full dates as dates, the rest as stated. */
function factValue(r: ReportFactRow): string | number | Date {
  if (r.valueNumber !== null && (r.valueType === 'number' || r.valueType === 'money')) return r.valueNumber;
  if (r.valueNumber !== null && r.valueType === 'percent') return r.valueNumber / 100;
  if (r.valueType === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(r.valueText)) return asDate(r.valueText) ?? r.valueText;
  return r.valueText;
}

function factFormat(r: ReportFactRow): string | undefined {
  if (r.valueNumber === null) return r.valueType === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(r.valueText) ? DATE_FORMAT : undefined;
  if (r.valueType === 'percent') return '0.##%';
  if (r.valueType === 'money') return '#,##0.00';
  if (r.valueType === 'number') return Number.isInteger(r.valueNumber) ? COUNT_FORMAT : '#,##0.###';
  return undefined;
}

const FACT_COLUMNS: Array<SheetColumn<ReportFactRow>> = [
  { header: 'Domain', width: 18, value: (r) => domainLabel(r.domain) },
  { header: 'Entity', width: 9, value: (r) => entityLabel(r.entity) },
  { header: 'Subject type', width: 16, value: (r) => subjectLabel(r.subjectKind) },
  { header: 'Subject', width: 30, value: (r) => r.subjectName ?? '' },
  { header: 'Attribute', width: 28, value: (r) => attributeLabel(r.attribute) },
  { header: 'Value', width: 18, value: factValue, cellFormat: factFormat },
  { header: 'As stated', width: 30, value: (r) => r.valueText, wrap: true },
  { header: 'Unit', width: 12, value: (r) => (r.unit ?? '').replace(/_/g, ' ') },
  { header: 'Currency', width: 9, value: (r) => r.currency ?? '' },
  { header: 'Category', width: 14, value: (r) => r.category.replace(/_/g, ' ') },
  { header: 'Confidence', width: 11, value: (r) => r.confidence, numFmt: '0%' },
  { header: 'Derivation', width: 11, value: (r) => r.derivation },
  { header: 'Sources', width: 9, value: (r) => r.sourceCount, numFmt: COUNT_FORMAT },
  { header: 'Document', width: 40, value: (r) => r.sourcePath ?? '', wrap: true },
  { header: 'Location', width: 18, value: (r) => (r.sourcePath ? locationLabel({ page: r.sourcePage, sheet: r.sourceSheet, row: r.sourceRow, line: r.sourceLine }) : '') },
  { header: 'Quote', width: 70, value: (r) => r.sourceQuote ?? '', wrap: true },
  { header: 'Review', width: 11, value: (r) => reviewLabel(r.reviewStatus) },
  { header: 'Review note', width: 30, value: (r) => r.reviewNote ?? '', wrap: true },
  { header: 'Reviewed by', width: 14, value: (r) => r.reviewedBy ?? '' },
];

const DOCUMENT_COLUMNS: Array<SheetColumn<ReportDocumentRow>> = [
  { header: 'Document', width: 50, value: (r) => r.document.relativePath, wrap: true },
  { header: 'Entity', width: 9, value: (r) => entityLabel(r.document.entity) },
  { header: 'Kind', width: 9, value: (r) => r.document.kind.toUpperCase() },
  { header: 'Status', width: 10, value: (r) => documentStatusLabel(r.runStatus) },
  { header: 'Error', width: 40, value: (r) => r.document.error ?? r.runError ?? '', wrap: true },
  { header: 'Pages', width: 8, value: (r) => r.document.pageCount, numFmt: COUNT_FORMAT },
  { header: 'Size (bytes)', width: 13, value: (r) => r.document.sizeBytes, numFmt: COUNT_FORMAT },
  { header: 'Version', width: 8, value: (r) => r.document.version },
  { header: 'Change', width: 11, value: (r) => changeLabel(r.change) },
  { header: 'Evidence', width: 10, value: (r) => r.evidenceCount, numFmt: COUNT_FORMAT },
  { header: 'Results reused from run id', width: 14, value: (r) => r.reusedFromRunId },
  { header: 'Added', width: 17, value: (r) => asDate(r.document.createdAt), numFmt: DATE_TIME_FORMAT },
  { header: 'SHA-256', width: 66, value: (r) => r.document.sha256 },
];
