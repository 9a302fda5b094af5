// Content of demo/data-room/12_board_it_summary.pdf (three pages). Printable ASCII only: the
// builder writes it with the standard Helvetica fonts in WinAnsi encoding.
import type { PdfDocumentContent } from './types';

export const BOARD_IT_SUMMARY: PdfDocumentContent = {
  title: 'Corvane Marine Systems - Board IT Summary Q1 FY2026',
  author: 'Dana Whitcombe',
  subject: 'Information technology summary for the Board of Directors',
  creationDate: 'D:20260421083000Z',
  footer: 'Corvane Marine Systems, Inc. - Board IT Summary Q1 FY2026 - Confidential',
  pages: [
    [
      { kind: 'title', text: 'Board IT Summary - Q1 FY2026' },
      { kind: 'paragraph', text: 'Prepared for the Board of Directors meeting of 28 April 2026 by Dana Whitcombe, IT Director.' },
      { kind: 'spacer' },
      { kind: 'heading', text: 'Company at a glance' },
      {
        kind: 'fields',
        fields: [
          ['Company', 'Corvane Marine Systems, Inc.'],
          ['Headquarters', 'Port Ellery, Maine'],
          ['Revenue (FY2025)', '$286M'],
          ['Employees', '1,200'],
          ['Sites', '4 (Port Ellery, Brackett Falls, Houma, Rotterdam)'],
          ['Products', 'Deck machinery, steering gear, hydraulic power units'],
          ['Aftermarket revenue share', '30%'],
        ],
      },
      { kind: 'spacer' },
      { kind: 'heading', text: 'Quarter in review' },
      {
        kind: 'paragraph',
        text:
          'Systems availability was good in the quarter: the only unplanned outage was a four-hour loss of ' +
          'the Houma fiber circuit in February, covered by the LTE backup. The SD-WAN rollout reached three of ' +
          'four sites; Rotterdam follows in June. About 90 laptops were replaced out of the 200 planned for FY2026.',
      },
      {
        kind: 'paragraph',
        text:
          'The sale process has started. IT has supported the data room and expects an IT discovery session with ' +
          'the preferred bidder in June. No IT projects beyond the SD-WAN and laptop refresh are planned until the ' +
          'outcome is known.',
      },
    ],
    [
      { kind: 'heading', text: 'IT at a glance' },
      {
        kind: 'fields',
        fields: [
          ['Total IT staff', '16 FTEs'],
          ['IT budget (FY2026)', '$3.1M'],
          ['IT leader', 'IT Director, reporting to the CFO'],
          ['Applications in use', '18'],
          ['Servers', '7 physical, 20 virtual, one server room'],
          ['Managed service provider', 'Tidewater Technology Partners, contract to November 2026'],
          ['MFA coverage', '78% of users'],
        ],
      },
      { kind: 'spacer' },
      { kind: 'heading', text: 'Key systems' },
      { kind: 'bullet', text: 'ERP: Microsoft Dynamics AX 2012 R3, supported by Keelson ERP Partners since Microsoft support ended.' },
      { kind: 'bullet', text: 'CRM: Salesforce Sales Cloud, 85 users in sales and customer service.' },
      { kind: 'bullet', text: 'Shop floor: Siemens Opcenter Execution Discrete at Port Ellery.' },
      { kind: 'bullet', text: 'Email and collaboration: Microsoft 365.' },
      { kind: 'bullet', text: 'Infrastructure: VMware vSphere 6.7 on three hosts bought in 2016.' },
      { kind: 'spacer' },
      { kind: 'heading', text: 'Spend' },
      {
        kind: 'paragraph',
        text:
          'IT spend is 1.1% of revenue, against 1.5% to 2.5% typical for discrete manufacturers of our size. The ' +
          'FY2026 budget of $3.1M is $2.62M operating spend and $0.48M capital. Recurring software and service ' +
          'contracts make up about half of the operating spend.',
      },
    ],
    [
      { kind: 'heading', text: 'Risks the Board should know about' },
      {
        kind: 'bullet',
        text:
          'ERP: Dynamics AX 2012 R3 receives no security updates. Replacing it is a multi-year program; the ' +
          'upgrade study was stopped in 2024.',
      },
      {
        kind: 'bullet',
        text:
          'Server room: all central systems run in one basement room near the harbor. Water reached the ' +
          'basement corridor in the October 2023 storm. There is no second site and recovery has never been tested.',
      },
      {
        kind: 'bullet',
        text:
          'Backups: all copies are kept in the same room as the servers. A cloud copy would cost about $30,000 ' +
          'a year.',
      },
      {
        kind: 'bullet',
        text:
          'Cyber security: MFA covers 78% of users and not yet the VPN. The cyber insurer expects full MFA at ' +
          'the January 2027 renewal.',
      },
      {
        kind: 'bullet',
        text:
          'People: Dynamics AX knowledge sits with one ERP administrator. A second person should be trained ' +
          'during FY2027.',
      },
      { kind: 'spacer' },
      { kind: 'heading', text: 'Requests to the Board' },
      {
        kind: 'paragraph',
        text:
          'Approve in principle an IT resilience budget of $650,000 for FY2027: a cloud backup copy, a ' +
          'recovery site for Dynamics AX and the file server, replacement firewalls with MFA on the VPN, and ' +
          'new vSphere hosts. Final approval to follow once the outcome of the sale process is known.',
      },
    ],
  ],
};
