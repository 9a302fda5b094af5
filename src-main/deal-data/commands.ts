import type { CreateDealInput, Deal } from '../../src-shared/contract';
import { assertDataRoom, DataRoomError } from '../analysis/ingest/walk';
import type { Db } from '../db/open';
import { createRepositories, type Repositories } from '../repositories';
import { DEMO_DEAL } from '../services/demo';
import { DealDataError, notFound } from './errors';
import { toDeal } from './mappers';

/** The write side for deals (runs are written by the runner only). Give it the writer connection. */
export class DealCommands {
  private readonly repos: Repositories;

  constructor(db: Db) {
    this.repos = createRepositories(db);
  }

  async create(input: Omit<CreateDealInput, 'startRun'>): Promise<Deal> {
    const root = await checkedDataRoom(input.dataRoomPath);
    if (this.repos.deals.findByName(input.name)) {
      throw new DealDataError('conflict', `A deal named "${input.name}" already exists. Choose another name.`);
    }
    const row = this.repos.deals.create({
      name: input.name,
      targetName: input.targetName || null,
      buyerName: input.buyerName || null,
      dealType: input.dealType,
      asOfDate: input.asOfDate,
      dataRoomPath: root,
    });
    return toDeal(row);
  }

  /** The demo deal over the bundled demo data room: reused if it exists, created otherwise. */
  async ensureDemo(demoDir: string): Promise<Deal> {
    const existing = this.repos.deals.findByName(DEMO_DEAL.name);
    if (existing) return toDeal(existing);
    return this.create({ ...DEMO_DEAL, dataRoomPath: demoDir });
  }

  archive(dealId: number): boolean {
    const deal = this.repos.deals.get(dealId);
    if (!deal) throw notFound(`Deal ${dealId}`);
    if (this.repos.runs.activeRuns(dealId).length > 0) {
      throw new DealDataError('conflict', `Deal "${deal.name}" has a run in progress. Cancel it before archiving the deal.`);
    }
    this.repos.deals.archive(dealId);
    return true;
  }

  dataRoomOf(dealId: number): string {
    const deal = this.repos.deals.get(dealId);
    if (!deal) throw notFound(`Deal ${dealId}`);
    if (!deal.dataRoomPath) throw new DealDataError('invalid_data_room', `Deal "${deal.name}" has no data room folder.`);
    return deal.dataRoomPath;
  }
}

async function checkedDataRoom(folder: string): Promise<string> {
  try {
    return await assertDataRoom(folder);
  } catch (error) {
    if (error instanceof DataRoomError) throw new DealDataError('invalid_data_room', error.message);
    throw error;
  }
}
