// Content of demo/data-room/10_software_license_and_contract_register.xlsx.
// Application costs must agree with 02_application_inventory.md (a test checks it): the only
// planted inconsistencies in the demo room are the ones listed in demo/README.md.
import type { RegisterWorkbook } from './types';

const d = (iso: string) => ({ date: iso });

export const LICENSE_REGISTER: RegisterWorkbook = {
  creator: 'Dana Whitcombe',
  lastModifiedBy: 'Priya Raman',
  created: '2025-01-13T14:05:00Z',
  modified: '2026-05-29T16:30:00Z',
  sheets: [
    {
      name: 'Software Licenses',
      columns: [
        { header: 'Vendor', width: 14, kind: 'text' },
        { header: 'Product', width: 36, kind: 'text' },
        { header: 'License Type', width: 40, kind: 'text' },
        { header: 'Quantity', width: 10, kind: 'number' },
        { header: 'Annual Cost (USD)', width: 18, kind: 'money' },
        { header: 'Contract Start', width: 14, kind: 'date' },
        { header: 'Contract End', width: 14, kind: 'date' },
        { header: 'Notice (days)', width: 13, kind: 'text' },
        { header: 'Auto-Renew', width: 11, kind: 'text' },
        { header: 'Business Owner', width: 18, kind: 'text' },
      ],
      rows: [
        ['Salesforce', 'Salesforce Sales Cloud', 'Subscription, Enterprise Edition, per user', 85, 153000, d('2024-02-01'), d('2027-01-31'), '60', 'No', 'Sales'],
        ['Microsoft', 'Microsoft 365', 'Subscription, E3 (600 users) and F3 (550 users)', 1150, 296400, d('2024-10-01'), d('2027-09-30'), '30', 'Yes', 'IT'],
        ['Siemens', 'Siemens Opcenter Execution Discrete', 'Perpetual with annual maintenance', 240, 92500, d('2025-07-01'), d('2027-06-30'), '90', 'Yes', 'Operations'],
        ['Autodesk', 'Autodesk Inventor Professional', 'Subscription, named user', 55, 118250, d('2024-06-01'), d('2027-05-31'), '30', 'No', 'Engineering'],
        ['Autodesk', 'Autodesk Vault Professional', 'Subscription, named user', 60, 36000, d('2024-06-01'), d('2027-05-31'), '30', 'No', 'Engineering'],
        ['ADP', 'ADP Workforce Now', 'Subscription, per employee', 1200, 86400, d('2024-07-01'), d('2027-06-30'), '90', 'Yes', 'Human Resources'],
        ['UKG', 'UKG Workforce Central', 'Perpetual with annual maintenance', 910, 44800, d('2026-04-01'), d('2027-03-31'), '60', 'Yes', 'Human Resources'],
        ['ETQ', 'ETQ Reliance', 'Subscription, named user', 120, 52000, d('2025-03-01'), d('2027-02-28'), '60', 'Yes', 'Quality'],
        ['TrueCommerce', 'TrueCommerce EDI', 'Subscription, per trading partner', 8, 18600, d('2025-05-01'), d('2027-04-30'), '30', 'Yes', 'Customer Service'],
        ['M-Files', 'M-Files', 'Subscription, named user', 180, 29700, d('2026-02-01'), d('2027-01-31'), '30', 'Yes', 'Quality'],
        ['SAP Concur', 'SAP Concur Expense', 'Subscription, per active user', 260, 26500, d('2024-03-01'), d('2027-02-28'), '60', 'No', 'Finance'],
        ['Avalara', 'Avalara AvaTax', 'Subscription, transaction tier', 12, 19200, d('2025-05-01'), d('2027-04-30'), '30', 'Yes', 'Finance'],
        ['Freshworks', 'Freshservice', 'Subscription, per agent', 14, 12600, d('2025-09-01'), d('2027-08-31'), '30', 'Yes', 'IT'],
        ['Microsoft', 'Microsoft Power BI Pro', 'Subscription, per user', 45, 6480, d('2024-10-01'), d('2027-09-30'), '30', 'Yes', 'Finance'],
        ['SentinelOne', 'SentinelOne Singularity Complete', 'Subscription, per endpoint', 940, 48960, d('2024-04-01'), d('2027-03-31'), '60', 'No', 'IT'],
        ['Veeam', 'Veeam Backup & Replication', 'Subscription, per protected workload', 30, 17900, d('2026-02-01'), d('2027-01-31'), '30', 'Yes', 'IT'],
        ['VMware', 'VMware vSphere 6.7 Standard', 'Perpetual, per CPU; support and subscription not renewed', 6, 0, d('2020-05-01'), d('2023-04-30'), 'n/a', 'No', 'IT'],
      ],
      total: { labelColumn: 2, sumColumn: 5, label: 'Total' },
    },
    {
      name: 'Service Contracts',
      columns: [
        { header: 'Vendor', width: 28, kind: 'text' },
        { header: 'Service', width: 60, kind: 'text' },
        { header: 'Annual Value (USD)', width: 18, kind: 'money' },
        { header: 'Contract Start', width: 14, kind: 'date' },
        { header: 'Contract End', width: 14, kind: 'date' },
        { header: 'Notice (days)', width: 13, kind: 'text' },
        { header: 'Change of Control', width: 30, kind: 'text' },
        { header: 'Notes', width: 50, kind: 'text' },
      ],
      rows: [
        ['Tidewater Technology Partners', 'Managed IT services: after-hours service desk, server patching, backup job monitoring, network monitoring', 264000, d('2023-12-01'), d('2026-11-30'), '90', 'Silent', 'No automatic renewal; renewal proposal not yet requested'],
        ['Keelson ERP Partners', 'Microsoft Dynamics AX 2012 R3 support and X++ development', 118000, d('2024-04-01'), d('2027-03-31'), '60', 'Consent required for assignment', 'Third-party support after the end of Microsoft support'],
        ['Lakeshore Fiber', 'SD-WAN circuits and internet access, 4 sites', 96000, d('2025-03-01'), d('2028-02-29'), '90', 'Silent', '36-month term'],
        ['Copley Office Systems', 'Managed print service', 38400, d('2024-07-01'), d('2027-06-30'), '60', 'Silent', ''],
        ['Granite Ridge Security', 'External penetration test (per engagement)', 0, d('2023-03-01'), d('2023-03-31'), 'n/a', 'n/a', 'One-off engagement, March 2023, $14,500; no engagement since'],
      ],
      total: { labelColumn: 1, sumColumn: 3, label: 'Total' },
    },
  ],
  summary: {
    name: 'Summary',
    title: 'Corvane Marine Systems - IT license and contract register',
    asOf: '2026-05-31',
    lines: [
      { label: 'Software licenses and subscriptions', sheet: 'Software Licenses' },
      { label: 'Service contracts', sheet: 'Service Contracts' },
    ],
    totalLabel: 'Total recurring contract value',
  },
};
