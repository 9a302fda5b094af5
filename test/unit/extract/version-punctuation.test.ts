import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src-main/analysis/extract';
import { findProducts } from '../../../src-main/analysis/extract/catalogue';
import { trailingVersion } from '../../../src-main/analysis/extract/subjects';
import { doc, values } from './load';

// A sentence that ends on a version must not lose the edition token the full stop follows:
// "Windows Server 2008 R2." is R2 (a different product line with its own support dates), not 2008.

describe('a version at the end of a sentence', () => {
  it('keeps R2, SP and update tokens before a full stop or comma', () => {
    expect(findProducts('The file server runs Windows Server 2008 R2.').map((h) => h.name)).toEqual(['Windows Server 2008 R2']);
    expect(findProducts('all on Windows Server 2012 R2. Microsoft support has ended').map((h) => h.name)).toEqual(['Windows Server 2012 R2']);
    expect(findProducts('Hosts run VMware vSphere 7.0 U3.').map((h) => h.name)).toEqual(['VMware vSphere 7.0 U3']);
    expect(findProducts('The billing database is SQL Server 2014 SP2, on one host').map((h) => h.name)).toEqual(['SQL Server 2014 SP2']);
    expect(findProducts('The billing database is SQL Server 2014.').map((h) => h.name)).toEqual(['SQL Server 2014']);
  });

  it('reads a product name\'s trailing version before a full stop', () => {
    expect(trailingVersion('Windows Server 2008 R2.')).toBe('2008 R2');
    expect(trailingVersion('Ubuntu 18.04 LTS.')).toBe('18.04');
    expect(trailingVersion('SQL Server 2014 SP1,')).toBe('2014 SP1');
  });

  it('still reads a longer dotted version whole', () => {
    expect(findProducts('ESXi 6.7.0 is installed').map((h) => h.name)).toEqual(['VMware vSphere 6.7.0']);
  });

  it('gives the same fact with or without the full stop', () => {
    const withStop = extractFacts(doc(['The file server runs Windows Server 2008 R2.']));
    const without = extractFacts(doc(['The file server runs Windows Server 2008 R2']));
    expect(values(withStop, 'operating_system')).toEqual(['Windows Server 2008 R2']);
    expect(values(without, 'operating_system')).toEqual(['Windows Server 2008 R2']);
  });
});
