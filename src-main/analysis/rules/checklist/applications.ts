import { item, type ChecklistItem } from './item';

const ERP_WORDS = ['erp', 'sap', 's 4hana', 'dynamics', 'netsuite', 'oracle ebs', 'e business suite', 'crm', 'salesforce', 'general ledger'];

export const APPLICATIONS: readonly ChecklistItem[] = [
  item(
    'APP-01', 'applications', 'Complete application inventory',
    [['kind:application', 'application_count'], ['app_vendor'], ['app_version'], ['app_hosting'], ['app_criticality'], ['app_owner'], ['app_annual_cost', 'app_total_annual_cost']],
    'high',
    'Please provide the complete application inventory (packaged, SaaS and custom) with, for each application: vendor, version, hosting, business and IT owner, number of users, criticality, lifecycle stage and annual cost.',
  ),
  item(
    'APP-02', 'applications', 'ERP and CRM platforms',
    [['erp_platform', { attribute: 'app_category', keywords: ['erp'] }], ['crm_platform', { attribute: 'app_category', keywords: ['crm'] }]],
    'high',
    'Please describe the ERP and CRM platforms: product and version, degree of customisation, hosting and support model (in-house, partner or vendor).',
    { carveOutImportance: 'critical', parentAreas: ERP_WORDS },
  ),
  item(
    'APP-03', 'applications', 'Vendor support status and end-of-life dates',
    [['app_version'], ['server_os', 'operating_system'], ['database_platform', 'kind:database']],
    'high',
    'Please provide the vendor support status and end-of-support dates for each application and for the database and operating system versions beneath it, including any extended-support contracts.',
  ),
  item(
    'APP-04', 'applications', 'Licences and true-up exposure',
    [['licence_exposure']],
    'medium',
    'Please provide the software licence position: licence types and entitlements against actual deployment (notably Microsoft, Oracle, SAP, VMware), results of recent vendor audits and any known true-up exposure.',
  ),
  item(
    'APP-05', 'applications', 'Contracts: renewals, change of control, termination',
    [['app_contract_end', 'vendor_contract_end'], ['change_of_control']],
    'high',
    'Please provide the key software and service contracts with renewal dates, change-of-control and assignment clauses, termination rights and data-export terms.',
    {
      carveOutImportance: 'critical',
      parentAreas: ['contracts', 'licences', 'licenses', 'enterprise agreement', 'procurement'],
      freshness: { attributes: ['app_contract_end', 'vendor_contract_end'], months: 0 },
    },
  ),
  item(
    'APP-06', 'applications', 'Integration platform and data flows',
    [['integration_platform', 'kind:integration']],
    'medium',
    'Please provide the integration architecture: integration platform or middleware, the interfaces between systems and the main data flows (an interface list or diagram).',
    { carveOutImportance: 'high', parentAreas: ['integration', 'middleware', 'edi', 'esb', 'api gateway', 'data feeds'] },
  ),
  item(
    'APP-07', 'applications', 'Custom development practices',
    [],
    'medium',
    'Please describe custom-developed software: languages and frameworks, source control, CI/CD pipeline, test coverage and known technical debt.',
  ),
  item(
    'APP-08', 'applications', 'Open-source licence exposure',
    [],
    'low',
    'Please confirm whether any distributed product or customer-facing software contains open-source components under copyleft licences (GPL, AGPL), and provide any software composition analysis report.',
  ),
  item(
    'APP-09', 'applications', 'IP ownership, domains and cloud accounts',
    [],
    'medium',
    'Please confirm that IP created by employees and contractors is assigned to the company, and that internet domains and cloud accounts are registered to the company rather than to individuals.',
    { carveOutImportance: 'high', parentAreas: ['domains', 'domain names', 'cloud accounts', 'tenant'] },
  ),
  item(
    'APP-10', 'applications', 'Database platforms, versions and sizes',
    [['database_platform', 'kind:database']],
    'medium',
    'Please list the database platforms in use with versions, sizes and the applications each one serves.',
  ),
  item(
    'APP-11', 'applications', 'SaaS spend and shadow IT',
    [['app_hosting'], ['app_annual_cost', 'app_total_annual_cost']],
    'low',
    'Please provide SaaS subscriptions with annual spend, including software bought outside IT (by business departments or on expense).',
  ),
  item(
    'APP-12', 'applications', "Overlap with the buyer's portfolio",
    [['kind:application']],
    'low',
    "Please provide the buyer's application portfolio (deal team) so overlaps with the target's applications can be identified as candidates to retire or consolidate.",
    { entity: 'buyer' },
  ),
];
