import { item, type ChecklistItem } from './item';

export const ORGANIZATION: readonly ChecklistItem[] = [
  item(
    'ORG-01', 'organization', 'IT organisation chart and leadership',
    [['it_leader']],
    'high',
    'Please provide the IT organisation chart, the IT leader and their reporting line, and the IT leadership team.',
  ),
  item(
    'ORG-02', 'organization', 'Headcount by role, employees versus contractors',
    [['it_headcount', 'role_headcount', 'kind:role'], ['it_contractor_count']],
    'high',
    'Please provide IT headcount by role, distinguishing employees from contractors, and state which contractor supports which system.',
  ),
  item(
    'ORG-03', 'organization', 'Key-person dependency, turnover and vacancies',
    [['key_person_dependency', 'it_vacancies', 'it_attrition']],
    'high',
    'Please identify systems or processes that depend on one or two individuals, and provide IT staff turnover for the last two years, open vacancies and known skills gaps.',
  ),
  item(
    'ORG-04', 'organization', 'Key vendors and managed service providers',
    [['kind:vendor', 'vendor_service', 'vendor_contract_end']],
    'medium',
    'Please list the key IT vendors and managed service providers with the services each provides, annual spend and contract end dates.',
    { carveOutImportance: 'high', parentAreas: ['vendor management', 'procurement', 'managed services', 'outsourcing'] },
  ),
  item(
    'ORG-05', 'organization', 'IT budget, spend ratio and staffing ratio',
    [['it_budget', 'it_opex'], ['it_capex'], ['revenue'], ['employee_count']],
    'high',
    'Please provide the IT budget for the current and last two years split into capital and operating spend, together with company revenue and total employee count for the same periods.',
  ),
  item(
    'ORG-06', 'organization', 'Budget reconciled to actual spend',
    [],
    'medium',
    'Please reconcile the IT budget to actual IT spend, including IT paid for outside the IT budget (business-unit software, expensed subscriptions).',
  ),
  item(
    'ORG-07', 'organization', 'Cloud credits and discounts',
    [],
    'low',
    'Please list cloud credits, promotional discounts or committed-spend agreements that reduce current cloud costs, with their expiry dates, so the true run rate can be established.',
  ),
  item(
    'ORG-08', 'organization', 'Deferred investment',
    [['deferred_investment']],
    'medium',
    'Please describe deferred IT investment: postponed security remediation, overdue hardware or software refresh and known upgrades without budget.',
  ),
  item(
    'ORG-09', 'organization', 'IT service management processes',
    [],
    'medium',
    'Please describe the IT service processes: service desk model and tooling, change management, incident and problem management, and the SLAs measured.',
    { carveOutImportance: 'high', parentAreas: ['service desk', 'help desk', 'helpdesk', 'itsm', 'servicenow', 'end user support', 'desktop support'] },
  ),
  item(
    'ORG-10', 'organization', 'Roadmap and projects in flight',
    [],
    'medium',
    'Please provide the IT roadmap and the list of projects in flight with budget, spend to date, expected completion and status.',
  ),
  item(
    'ORG-11', 'organization', 'Services provided by the parent under a TSA',
    [['kind:tsa_service', 'tsa_provider', 'parent_provided_service'], ['tsa_duration_months'], ['tsa_monthly_cost'], ['tsa_exit_plan']],
    'low',
    'Please list every IT service the parent or seller provides today, and for each the proposed transition services agreement terms: scope, service levels, term, monthly price and exit plan. If none, please confirm.',
    { carveOutImportance: 'critical', separationOnly: true },
  ),
  item(
    'ORG-12', 'organization', 'One-off costs: separation, integration, migration',
    [],
    'medium',
    'Please provide estimates of one-off IT costs split into separation, integration and migration, and distinguish run-rate from one-off and TSA costs.',
    { carveOutImportance: 'high' },
  ),
];
