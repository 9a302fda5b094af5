// Prose that matters to the deal rather than to one technology: licence exposure, change-of-control
// terms, departures and flight risk, deferred investment, systems left out of backup, service
// accounts, data that must stay where it is, and a company that runs nothing on premises. Like the
// other loose patterns, each is written to miss rather than to guess, and its value is the line.

import { text } from './facts';
import { LOOSE } from './scope';
import type { Scope } from './scope';
import type { AttributeName } from './vocabulary';

function state(s: Scope, attr: AttributeName, line: string): void {
  s.emit(attr, text(line), { confidence: LOOSE });
}

/** A line that only denies ("No audits pending", "True-up risk: Low") states no exposure. */
const DENIAL = /^no\b|:\s*(?:low|none|no|n\/a)\b|\bno (?:audits?|true-?ups?|known)\b|\bstandard (?:assignment|terms)\b/i;
/** "may need review", "could be impacted": a possibility the document raises, not a fact. */
const SPECULATIVE = /\b(?:may|might|could) (?:need|be|require)\b|\bif\b/i;

const LICENCE =
  /\b(?:licen[cs]e audit|audit (?:is )?(?:scheduled|pending|underway|in progress)|true-?up|indirect access|unlicen[cs]ed|under-?licen[cs]ed|licen[cs]e (?:shortfall|gap|exposure|non-?compliance)|(?:estimated|potential|licen[cs]ing) exposure|running without (?:a )?licen[cs]e|SA lapsed)\b/i;
const CHANGE_OF_CONTROL = /\b(?:change[- ]of[- ]control|assignment (?:clauses?|terms|requires)|consent to (?:assign|assignment)|notice for assignment|termination right)\b/i;
const CHANGE_OF_CONTROL_TERMS = /\b(?:requires?|notice|consent|terminat\w*|invoke|clauses?|may not transfer)\b/i;
const ATTRITION =
  /\b\d{1,3}% of (?:the )?IT (?:staff|team|employees|personnel)\b[^.]*\b(?:looking|leav\w*|flight)|\bflight risk\b|\b(?:high|significant|elevated) (?:staff )?(?:turnover|attrition)\b/i;
const DEFERRED =
  /\b(?:unfunded|not (?:been )?funded|no budget (?:allocated|approved)|deferred (?:maintenance|investment|refresh|upgrades?)|maintenance backlog|overdue (?:hardware )?refresh)\b/i;
const BACKUP_GAP =
  /\b(?:not (?:included|covered) (?:in|by) (?:the )?(?:[\w-]+ ){0,2}backups?(?: scope)?|not backed up|excluded from (?:the )?backups?|outside (?:the )?backup scope)\b/i;
const SERVICE_ACCOUNTS = /\bservice accounts?\b[^.]*(?:\d|non-?expiring|never expire|shared|no owner|unmanaged|rotat)/i;
const RESIDENCY =
  /\b(?:PII|personal data|customer data|data sets?|datasets?|workloads?)\b[^.]*\b(?:must (?:remain|stay|reside)|cannot (?:be )?(?:migrat\w*|mov\w*|leave)|(?:constrained|restricted) (?:initially )?to)\b|\bdata residency (?:constraint|requirement|rule)/i;
const DOCUMENTED = /\b(?:architecture decision records|runbooks (?:are )?(?:in|maintained|documented)|(?:network|architecture) diagrams? (?:are )?(?:current|maintained|up to date|updated))\b/i;
const STATED_EOL =
  /\b(?:end[- ]of[- ](?:life|support|sale)|EOL|unsupported|no (?:vendor )?support|out of (?:vendor )?support|support (?:ended|lapsed|expired)|passed (?:its )?end[- ]of[- ](?:life|support)|ended (?:standard |extended )?support|approaching (?:EOL|end[- ]of[- ](?:life|support)))\b/i;
/** Something that names a product or model: a capitalised word with a number, or a model code. */
const PRODUCT_LIKE = /\b[A-Z][A-Za-z]*[- /]?\d|\b[A-Z]{2,}[- ]?\d|\b\d{3,4}(?:-X)?\b/;
const CLOUD_ONLY =
  /\b100% cloud\b|\bfully (?:in the )?cloud\b|\bcloud-native\b|\bno on-?prem(?:ise|ises)? (?:servers|infrastructure|data cent(?:er|re)s?|footprint)\b|\ball (?:infrastructure|workloads|systems) (?:run |are |hosted )?in (?:the )?(?:cloud|aws|azure|gcp)\b/i;

export function dealPatterns(line: string, s: Scope): void {
  const speculative = SPECULATIVE.test(line);
  if (LICENCE.test(line) && !DENIAL.test(line) && !speculative) state(s, 'licence_exposure', line);
  if (CHANGE_OF_CONTROL.test(line)) {
    // "No change of control issues identified" answers the question as much as a clause does.
    if (DENIAL.test(line)) s.emit('change_of_control', text('none identified'), { confidence: LOOSE });
    else if (CHANGE_OF_CONTROL_TERMS.test(line)) state(s, 'change_of_control', line);
  }
  if (ATTRITION.test(line) && !/^no\b/i.test(line)) state(s, 'it_attrition', line);
  if ((DEFERRED.test(line) || (s.under(/deferred|unfunded|backlog/i) && /\$\s?\d/.test(line))) && !/^no\b/i.test(line)) {
    state(s, 'deferred_investment', line);
  }
  if (BACKUP_GAP.test(line)) state(s, 'backup_scope_gap', line);
  if (SERVICE_ACCOUNTS.test(line) && !/^no\b/i.test(line)) state(s, 'service_accounts', line);
  residencyStatement(line, s);
  if (STATED_EOL.test(line) && PRODUCT_LIKE.test(line) && !/^no\b|\bnot (?:yet )?(?:eol|end[- ]of)/i.test(line)) state(s, 'stated_end_of_support', line);
  if (DOCUMENTED.test(line) && !/^no\b/i.test(line)) state(s, 'architecture_docs', line);
  if (CLOUD_ONLY.test(line) && !/\bno (?:dedicated )?data cent/i.test(line)) s.emit('hosting_model', text('cloud-only'), { confidence: LOOSE });
}

/** Data that must stay where it is; also read from TSA schedule rows ("PII must remain in region"). */
export function residencyStatement(line: string, s: Scope): void {
  if (RESIDENCY.test(line) && !/^no\b/i.test(line)) state(s, 'data_residency', line);
}
