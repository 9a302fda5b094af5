// Content of demo/data-room/11_backup_and_dr_policy.docx.
import type { WordDocument } from './types';

export const DR_POLICY: WordDocument = {
  title: 'IT Backup and Disaster Recovery Policy',
  subject: 'Corvane Marine Systems IT policy IT-POL-07',
  creator: 'Owen Castellano',
  created: '2023-02-06T10:00:00Z',
  modified: '2025-10-14T15:20:00Z',
  blocks: [
    { kind: 'heading1', text: 'Corvane Marine Systems - IT Backup and Disaster Recovery Policy' },
    {
      kind: 'table',
      widths: [2600, 6400],
      header: ['Document control', 'Detail'],
      rows: [
        ['Document ID', 'IT-POL-07'],
        ['Version', '1.3'],
        ['Owner', 'Owen Castellano, IT Infrastructure Manager'],
        ['Approved by', 'Dana Whitcombe, IT Director, 14 October 2025'],
        ['Next revision due', 'October 2026'],
      ],
    },

    { kind: 'heading1', text: '1. Purpose and scope' },
    {
      kind: 'paragraph',
      text:
        'This policy sets out how Corvane Marine Systems backs up the systems run by IT and how those systems ' +
        'would be recovered after the loss of the Port Ellery server room. It covers every server listed in the ' +
        'server inventory and the Microsoft 365 and Salesforce data owned by Corvane. Shop-floor PCs and CNC ' +
        'workstations are out of scope; machine programs are kept on the file server.',
    },

    { kind: 'heading1', text: '2. Backup standard' },
    { kind: 'heading2', text: '2.1 Backup schedule and retention' },
    {
      kind: 'paragraph',
      text:
        'Backups are taken with Veeam Backup & Replication 11a and written to the repository on PEL-BKP01. ' +
        'Job results are checked each morning by Tidewater Technology Partners, who raise a ticket for any failure.',
    },
    {
      kind: 'table',
      widths: [2700, 2500, 1500, 1100, 2200],
      header: ['System', 'Backup method', 'Frequency', 'Retention', 'Copy location'],
      rows: [
        ['Dynamics AX (SQL Server 2014 database)', 'Veeam image backup and SQL log backups', 'Nightly; logs every 4 hours', '30 days', 'PEL-BKP01, Port Ellery server room'],
        ['Dynamics AX application and reporting servers', 'Veeam image backup', 'Nightly', '30 days', 'PEL-BKP01, Port Ellery server room'],
        ['Siemens Opcenter (application and database)', 'Veeam image backup', 'Nightly', '30 days', 'PEL-BKP01, Port Ellery server room'],
        ['File, Vault and M-Files servers', 'Veeam image backup', 'Nightly', '30 days', 'PEL-BKP01, Port Ellery server room'],
        ['Brackett Falls and Houma servers', 'Veeam agent over the SD-WAN', 'Weekly', '30 days', 'PEL-BKP01, Port Ellery server room'],
        ['Microsoft 365 (mail, OneDrive, SharePoint)', 'None beyond Microsoft native retention', 'n/a', 'Native', 'Microsoft cloud'],
        ['Salesforce', 'Data export to the file server', 'Weekly', '4 weeks', 'PEL-FS01, Port Ellery server room'],
      ],
    },
    { kind: 'heading2', text: '2.2 Offsite and immutable copies' },
    {
      kind: 'paragraph',
      text:
        'Offsite copy: none. Every backup copy is held in the Port Ellery server room, in the same basement as the ' +
        'systems it protects. No immutable or air-gapped copy exists. A cloud copy was proposed in the FY2025 budget ' +
        'and deferred.',
    },
    { kind: 'heading2', text: '2.3 Restore testing' },
    {
      kind: 'paragraph',
      text:
        'Last restore test: February 2026, a single-file restore from the file server. No full virtual machine or ' +
        'database restore has been tested.',
    },

    { kind: 'heading1', text: '3. Disaster recovery' },
    {
      kind: 'paragraph',
      text:
        'Corvane has no disaster recovery site. Recovery time and recovery point objectives (RTO and RPO) have not ' +
        'been defined for any system. Last DR test: never.',
    },
    {
      kind: 'paragraph',
      text:
        'If the server room were lost, IT would order replacement servers and storage and rebuild the systems ' +
        'from backup in the order below. IT estimates two to three weeks before Dynamics AX is available again, ' +
        'provided the backup server survives.',
    },
    { kind: 'heading2', text: '3.1 Recovery order' },
    {
      kind: 'table',
      widths: [1000, 3200, 4800],
      header: ['Priority', 'System', 'Impact while unavailable'],
      rows: [
        ['1', 'Active Directory and file server', 'No logins to on-premises systems; no access to machine programs'],
        ['2', 'Dynamics AX 2012 R3', 'No order entry, purchasing, shipping or invoicing; production planning stops'],
        ['3', 'Siemens Opcenter Execution Discrete', 'Port Ellery assembly runs on paper travelers'],
        ['4', 'UKG Workforce Central', 'Time capture falls back to paper timesheets'],
        ['5', 'Corvane FieldLog', 'Field engineers report by email; parts consumption is keyed later'],
      ],
    },

    { kind: 'heading1', text: '4. Roles and responsibilities' },
    {
      kind: 'table',
      widths: [3000, 6000],
      header: ['Role', 'Responsibility'],
      rows: [
        ['IT Infrastructure Manager', 'Owns this policy; approves changes to backup jobs; leads any recovery'],
        ['Tidewater Technology Partners', 'Monitors backup jobs daily and raises tickets for failures'],
        ['ERP Administrator', 'Confirms Dynamics AX data consistency after any restore'],
        ['IT Director', 'Declares a disaster and informs the executive committee'],
      ],
    },

    { kind: 'heading1', text: '5. Known exceptions' },
    { kind: 'bullet', text: 'No offsite or immutable backup copy.' },
    { kind: 'bullet', text: 'No disaster recovery site, no defined RTO or RPO, and no DR test to date.' },
    { kind: 'bullet', text: 'Microsoft 365 data is not backed up by Corvane.' },
    { kind: 'bullet', text: 'The server room is in a basement on a campus inside a FEMA flood zone.' },
  ],
};
