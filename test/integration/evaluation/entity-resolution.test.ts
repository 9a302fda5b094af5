// Entity resolution end to end: one application and one server named in three documents (three
// formats, the application under three different names) become one subject each, whose facts
// carry one evidence row per document instead of being counted three times.

import { describe, expect, it } from 'vitest';
import { analyse, writeRoom } from '../../support/rooms';
import { tempDatabase } from '../../support/temp';

const ROOM = {
  '01_applications.md': [
    '# Application inventory',
    '',
    '| Application | Vendor | Hosting | Users |',
    '|---|---|---|---|',
    '| Salesforce Sales Cloud | Salesforce | SaaS | 85 |',
    '',
    '## Servers',
    '',
    '| Hostname | Operating System | Role |',
    '|---|---|---|',
    '| pel-erp-01 | Windows Server 2019 | ERP database |',
    '',
  ].join('\n'),
  '02_license_register.csv': ['Application,Vendor,Hosting,Users', 'SFDC,Salesforce,SaaS,85', ''].join('\n'),
  '03_servers.csv': ['Hostname,Operating System,Role', 'PEL-ERP-01,Windows Server 2019,ERP database', ''].join('\n'),
  '04_discovery_notes.txt': [
    'IT DISCOVERY NOTES',
    '',
    '| Application | Vendor | Hosting |',
    '|---|---|---|',
    '| Salesforce CRM | Salesforce | SaaS |',
    '',
    '| Server | OS | Purpose |',
    '|---|---|---|',
    '| PEL-ERP-01 | Windows Server 2019 | ERP database |',
    '',
  ].join('\n'),
};

interface Row {
  subject_key: string;
  subject_name: string;
  attribute: string;
  value_text: string;
  documents: number;
  evidence: number;
}

describe('entity resolution through the runner', () => {
  it('resolves one application and one server, each named in three documents, to one subject with three evidence rows', async () => {
    const { database } = tempDatabase();
    const result = await analyse(database, writeRoom(ROOM), { name: 'Entity resolution' });
    expect(result.status).toBe('completed');
    const sql = database.sqlite;
    const subjects = (kind: string) =>
      sql.prepare('SELECT stable_key, name, aliases FROM subjects WHERE run_id = ? AND kind = ?').all(result.runId, kind) as Array<{ stable_key: string; name: string; aliases: string }>;

    const apps = subjects('application');
    expect(apps.map((s) => s.name)).toEqual(['Salesforce']);
    expect(JSON.parse(apps[0]!.aliases)).toEqual(expect.arrayContaining(['Salesforce Sales Cloud', 'SFDC', 'Salesforce CRM']));
    const servers = subjects('server');
    expect(servers).toHaveLength(1);

    const facts = sql
      .prepare(
        `SELECT f.subject_key, f.subject_name, f.attribute, f.value_text, count(DISTINCT e.document_id) AS documents, count(*) AS evidence
         FROM facts f JOIN fact_evidence e ON e.fact_id = f.id WHERE f.run_id = ? AND f.subject_key IN (?, ?)
         GROUP BY f.id ORDER BY f.attribute`,
      )
      .all(result.runId, apps[0]!.stable_key, servers[0]!.stable_key) as Row[];
    const fact = (name: string, attribute: string) => facts.filter((f) => f.subject_key === (name === 'app' ? apps[0]!.stable_key : servers[0]!.stable_key) && f.attribute === attribute);

    // One fact per attribute and value, stated by every document that states it.
    expect(fact('app', 'app_vendor')).toEqual([expect.objectContaining({ value_text: 'Salesforce', documents: 3, evidence: 3 })]);
    expect(fact('app', 'app_hosting')).toEqual([expect.objectContaining({ value_text: 'SaaS', documents: 3, evidence: 3 })]);
    expect(fact('app', 'app_users')).toEqual([expect.objectContaining({ documents: 2, evidence: 2 })]);
    expect(fact('server', 'server_os')).toEqual([expect.objectContaining({ value_text: 'Windows Server 2019', documents: 3, evidence: 3 })]);
    // Counts are not inflated: the computed application count sees one application per document, not three subjects.
    const subjectsTotal = sql.prepare("SELECT count(DISTINCT subject_key) FROM facts WHERE run_id = ? AND subject_kind = 'application'").pluck().get(result.runId);
    expect(subjectsTotal).toBe(1);
  });
});
