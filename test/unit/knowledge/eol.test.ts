import { describe, expect, it } from 'vitest';
import { findAllEndOfLife, findEndOfLife } from '../../../src-main/analysis/knowledge/eol';

const AS_OF = '2026-02-01';

function match(text: string, asOf = AS_OF) {
  return findEndOfLife(text, asOf);
}

describe('findEndOfLife', () => {
  it('finds vSphere 6.7 past end of life and vSphere 8 still supported', () => {
    expect(match('VMware vSphere 6.7')).toMatchObject({ productSlug: 'vmware-esxi', cycle: '6.7', eol: '2022-10-15', isPastEol: true });
    expect(match('VMware vSphere 8')).toMatchObject({ productSlug: 'vmware-esxi', cycle: '8.0', isPastEol: false });
    expect(match('ESXi 8.0 Update 2')?.isPastEol).toBe(false);
  });

  it('treats update levels as the same cycle and different minors as different cycles', () => {
    expect(match('vSphere 6.7 U3')?.cycle).toBe('6.7');
    expect(match('vSphere 6.7.0 build 123')?.cycle).toBe('6.7');
    expect(match('ESXi 7.0 U3')).toMatchObject({ cycle: '7.0', eol: '2025-10-02' });
  });

  it('tells Windows Server 2012 R2 from 2012', () => {
    const r2 = match('Windows Server 2012 R2');
    expect(r2).toMatchObject({ productSlug: 'windows-server', cycle: '2012 R2', isPastEol: true, extendedSupportEnd: '2026-10-13' });
    expect(r2?.matchedText).toBe('windows server 2012 r2');
    expect(match('Windows Server 2012')?.cycle).toBe('2012');
    expect(match('Microsoft Windows Server 2019')?.isPastEol).toBe(false);
  });

  it('recognises the examples a data room uses', () => {
    expect(match('Exchange 2010 on-premises')).toMatchObject({ productSlug: 'msexchange', eol: '2020-10-13', isPastEol: true });
    expect(match('Internet Explorer 11')).toMatchObject({ productSlug: 'internet-explorer', isPastEol: true });
    expect(match('ColdFusion 2016')).toMatchObject({ productSlug: 'coldfusion', isPastEol: true });
    expect(match('Red Hat Enterprise Linux 7')).toMatchObject({ productSlug: 'rhel', cycle: '7', eol: '2024-06-30' });
    expect(match('AS/400 V5R4')).toMatchObject({ productSlug: 'ibm-i', cycle: '5.4' });
  });

  it('uses the last service pack of a line unless the text names one', () => {
    expect(match('Microsoft SQL Server 2014')).toMatchObject({ productSlug: 'mssqlserver', cycle: '2014 SP3', eol: '2024-07-09' });
    expect(match('SQL Server 2014 SP2')).toMatchObject({ cycle: '2014 SP2', eol: '2020-01-14' });
    expect(match('Oracle Database 11g')).toMatchObject({ productSlug: 'oracle-database', eol: '2015-01-31' });
  });

  it('does not match a product name without a version', () => {
    expect(match('Windows Server')).toBeNull();
    expect(match('Microsoft Exchange Online')).toBeNull();
    expect(match('VMware vSphere Client')).toBeNull();
    expect(match('Office 365')).toBeNull();
  });

  it('does not read ordinary prose as a product', () => {
    expect(match('node 4 of the cluster was rebooted')).toBeNull();
    expect(match('two all flash 2 arrays')).toBeNull();
    expect(match('DisplayLink software for Windows 10')).toBeNull();
  });

  it('uses the supplement for products the dataset lacks', () => {
    const flash = match('Adobe Flash Player v 29');
    expect(flash).toMatchObject({ productSlug: 'adobe-flash-player', eol: '2020-12-31', isPastEol: true });
    expect(flash?.source).toMatch(/^Supplement/);
    expect(match('SAP ECC 6.0')).toMatchObject({ eol: '2027-12-31', extendedSupportEnd: '2030-12-31', isPastEol: false });
  });

  it('measures against the as-of date, the end date being the last supported day', () => {
    expect(match('VMware vSphere 6.7', '2022-10-15')?.isPastEol).toBe(false);
    expect(match('VMware vSphere 6.7', '2022-10-16')?.isPastEol).toBe(true);
  });

  it('returns no match for products it has no data for', () => {
    expect(match('Cisco ASA 9.8')).toBeNull();
  });

  it('finds every product in a sentence, in order', () => {
    const all = findAllEndOfLife('Windows Server 2008 R2 hosts SQL Server 2008 and Exchange 2013', AS_OF);
    expect(all.map((m) => [m.productSlug, m.cycle])).toEqual([
      ['windows-server', '2008 R2 SP1'],
      ['mssqlserver', '2008 SP4'],
      ['msexchange', '2013 CU23 SU21'],
    ]);
  });

  it('reads a version older than every tracked release as past support, no later than the oldest one ended', () => {
    const kibana = findEndOfLife('Elastic Kibana 4.x', AS_OF);
    expect(kibana).toMatchObject({ productSlug: 'kibana', cycle: '4.x', olderThan: '6', eol: '2022-02-10', isPastEol: true });
    expect(findEndOfLife('Oracle Database 8i', AS_OF)?.olderThan).toBe('9i Release 2');
    // Another numbering scheme is never compared: "Office 365" is not an Office release before 2007.
    expect(findEndOfLife('Microsoft Office 365', AS_OF)).toBeNull();
  });

  it('skips products named only as the platform something runs on', () => {
    expect(findEndOfLife('Tenable Nessus 8.x for Mac & Windows 10', AS_OF)).toBeNull();
    expect(findEndOfLife('Backup agent for 64-bit Windows 7', AS_OF)).toBeNull();
  });

  it('knows Project and Visio, keeps .NET apart from .NET Framework, and reads Community editions', () => {
    expect(findEndOfLife('Microsoft Project Professional 2019', AS_OF)).toMatchObject({ productSlug: 'microsoft-project', eol: '2025-10-14', isPastEol: true });
    expect(findEndOfLife('Microsoft Visio Professional 2016', AS_OF)?.productSlug).toBe('microsoft-visio');
    expect(findEndOfLife('.NET 6.0 (SDK and runtime)', AS_OF)).toMatchObject({ productSlug: 'dotnet', eol: '2024-11-12' });
    expect(findEndOfLife('.NET Framework 4.5', AS_OF)?.productSlug).toBe('dotnetfx');
    expect(findEndOfLife('MongoDB Community Edition 4.x', AS_OF)).toMatchObject({ productSlug: 'mongodb', cycle: '4.4' });
  });
});

