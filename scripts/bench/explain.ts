// Why a list or count query is slow: runs each call that npm run bench measures (queries.ts) once on
// a database, captures every SQL statement it prepares with its parameters, and prints SQLite's
// EXPLAIN QUERY PLAN for it beside the call's median time.
//   tsx scripts/bench/explain.ts <database> <deal id> [name filter]
//   tsx scripts/bench/explain.ts --seed <new database> [total facts]   (seeds one as npm run bench does)
import { DealData } from '../../src-main/deal-data/deal-data';
import { openDatabase } from '../../src-main/db/open';
import { createRepositories } from '../../src-main/repositories';
import { queryCases } from './queries';
import { seedDatabase, DEFAULT_PLAN } from './seed-db';
import { median, ms, timed } from './stats';

interface Captured {
  sql: string;
  params: unknown[];
}

function explain(file: string, dealId: number, only: string | undefined): void {
  const database = openDatabase(file, { mode: 'read' });
  const sqlite = database.sqlite;
  const captured: Captured[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  // Every statement drizzle prepares goes through the connection's prepare(); wrap its runners to
  // keep the SQL and the parameters it ran with.
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    const runners = statement as unknown as Record<string, (...params: unknown[]) => unknown>;
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = runners[method]!.bind(statement);
      runners[method] = (...params: unknown[]) => {
        captured.push({ sql: source, params });
        return original(...params);
      };
    }
    return statement;
  }) as typeof sqlite.prepare;
  try {
    const repos = createRepositories(database.db);
    const data = new DealData(database.db);
    const run = repos.runs.latestCompleted(dealId);
    if (!run) throw new Error(`Deal ${dealId} has no completed run.`);
    const facts = repos.facts.count({ runId: run.id });
    console.log(`Deal ${dealId}, run ${run.id} (${facts} facts)\n`);
    for (const { name, kind, fn } of queryCases(repos, data, dealId, run.id)) {
      if (only && !name.includes(only)) continue;
      fn();
      const times = Array.from({ length: 15 }, () => timed(fn).ms);
      captured.length = 0;
      fn();
      const statements = [...captured];
      console.log(`== ${kind} ${name}: median ${ms(median(times))} ms, ${statements.length} statement(s)`);
      for (const { sql, params } of statements) {
        const one = timed(() => prepare(sql).all(...params)).ms;
        console.log(`-- ${ms(one)} ms: ${sql.replace(/\s+/g, ' ')}`);
        console.log(`   params ${JSON.stringify(params)}`);
        const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ id: number; parent: number; detail: string }>;
        const depth = new Map<number, number>([[0, 0]]);
        for (const step of plan) {
          const d = (depth.get(step.parent) ?? 0) + 1;
          depth.set(step.id, d);
          console.log(`   ${'  '.repeat(d)}${step.detail}`);
        }
      }
      console.log('');
    }
  } finally {
    database.close();
  }
}

const args = process.argv.slice(2);
if (args[0] === '--seed') {
  const file = args[1];
  if (!file) throw new Error('usage: explain.ts --seed <new database> [total facts]');
  const summary = seedDatabase(file, { ...DEFAULT_PLAN, totalFacts: Number(args[2] ?? DEFAULT_PLAN.totalFacts) });
  console.log(JSON.stringify(summary));
} else {
  const [file, deal, only] = args;
  if (!file || !deal) throw new Error('usage: explain.ts <database> <deal id> [name filter] | --seed <new database> [total facts]');
  explain(file, Number(deal), only);
}
