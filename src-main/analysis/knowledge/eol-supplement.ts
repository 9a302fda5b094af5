import type { EolSupplementProduct } from './eol-types';

/**
 * End-of-support dates for well-known enterprise products that the endoflife.date snapshot does
 * not cover. Hand-written, so each entry names its public source; only dates that vendors have
 * published and that are not in doubt belong here. A cycle of '*' means every version of the
 * product is past its end (the vendor retired the product as a whole).
 *
 * Deliberately absent (dates not certain enough to assert in a finding): Cisco ASA software
 * trains and appliances, Oracle E-Business Suite, SAP R/3, Lotus Notes/Domino, OS/400 releases
 * before V5R4 (V5R4 and later come from the dataset's IBM i product).
 */
export const EOL_SUPPLEMENT: readonly EolSupplementProduct[] = [
  {
    slug: 'adobe-flash-player',
    label: 'Adobe Flash Player',
    // Not plain "flash": "all-flash 2 arrays" is storage, not the browser plug-in.
    names: ['flash player', 'adobe flash player', 'adobe flash'],
    cycles: [{ cycle: '*', label: 'all versions', eol: '2020-12-31' }],
    note: 'Adobe, "Flash Player End of Life" (support ended 31 December 2020)',
  },
  {
    slug: 'microsoft-silverlight',
    label: 'Microsoft Silverlight',
    names: ['silverlight', 'microsoft silverlight'],
    cycles: [{ cycle: '*', label: 'all versions', eol: '2021-10-12' }],
    note: 'Microsoft Lifecycle, Silverlight 5 (support ended 12 October 2021)',
  },
  {
    slug: 'windows-small-business-server',
    label: 'Windows Small Business Server',
    names: ['small business server', 'windows small business server', 'windows sbs', 'sbs'],
    cycles: [{ cycle: '2011', eol: '2020-01-14' }],
    note: 'Microsoft Lifecycle, Windows Small Business Server 2011 Standard (extended support ended 14 January 2020)',
  },
  {
    slug: 'skype-for-business-server',
    label: 'Skype for Business Server',
    names: ['skype for business server', 'skype for business', 'microsoft skype for business server'],
    cycles: [
      { cycle: '2019', eol: '2025-10-14' },
      { cycle: '2015', eol: '2025-10-14' },
    ],
    note: 'Microsoft Lifecycle, Skype for Business Server 2015 and 2019 (support ended 14 October 2025)',
  },
  {
    slug: 'lync-server',
    label: 'Microsoft Lync Server',
    names: ['lync server', 'microsoft lync server', 'lync'],
    cycles: [{ cycle: '2013', eol: '2023-04-11' }],
    note: 'Microsoft Lifecycle, Lync Server 2013 (extended support ended 11 April 2023)',
  },
  {
    slug: 'dynamics-ax',
    label: 'Microsoft Dynamics AX',
    names: ['dynamics ax', 'microsoft dynamics ax', 'ms dynamics ax'],
    cycles: [{ cycle: '2012-r3', label: '2012 R3', eol: '2023-01-10' }],
    note: 'Microsoft Lifecycle, Dynamics AX 2012 R3 (extended support ended 10 January 2023)',
  },
  {
    slug: 'microsoft-project',
    label: 'Microsoft Project',
    names: ['microsoft project', 'ms project', 'project professional', 'microsoft project professional', 'project standard'],
    cycles: [
      { cycle: '2019', eol: '2025-10-14' },
      { cycle: '2016', eol: '2025-10-14' },
      { cycle: '2013', eol: '2023-04-11' },
    ],
    note: 'Microsoft Lifecycle, Project 2013, 2016 and 2019 (extended support ended 11 April 2023 and 14 October 2025)',
  },
  {
    slug: 'microsoft-visio',
    label: 'Microsoft Visio',
    names: ['visio', 'microsoft visio', 'ms visio', 'visio professional', 'microsoft visio professional', 'visio standard'],
    cycles: [
      { cycle: '2019', eol: '2025-10-14' },
      { cycle: '2016', eol: '2025-10-14' },
      { cycle: '2013', eol: '2023-04-11' },
    ],
    note: 'Microsoft Lifecycle, Visio 2013, 2016 and 2019 (extended support ended 11 April 2023 and 14 October 2025)',
  },
  {
    slug: 'sap-ecc',
    label: 'SAP ERP Central Component (ECC)',
    names: ['sap ecc', 'ecc', 'sap erp', 'sap erp ecc', 'sap erp central component'],
    cycles: [{ cycle: '6.0', eol: '2027-12-31', extendedSupportEnd: '2030-12-31' }],
    note: 'SAP, maintenance for SAP Business Suite 7 core applications: mainstream to end of 2027, optional extended maintenance to end of 2030 (announced 4 February 2020)',
  },
];
