import { asc, eq, sql } from 'drizzle-orm';
import type { DealType } from '../../src-shared/domain';
import { deals } from '../db/schema';
import { BaseRepository, type ScopeOptions } from './base';

export type DealRow = typeof deals.$inferSelect;

export interface NewDeal {
  name: string;
  targetName?: string | null;
  buyerName?: string | null;
  dealType: DealType;
  asOfDate: string;
  dataRoomPath?: string | null;
}

export class DealsRepository extends BaseRepository {
  create(input: NewDeal): DealRow {
    return this.db
      .insert(deals)
      .values({
        name: input.name,
        targetName: input.targetName ?? null,
        buyerName: input.buyerName ?? null,
        dealType: input.dealType,
        asOfDate: input.asOfDate,
        dataRoomPath: input.dataRoomPath ?? null,
      })
      .returning()
      .get();
  }

  get(id: number, options: ScopeOptions = {}): DealRow | undefined {
    return this.db.select().from(deals).where(this.where(deals.deletedAt, options, eq(deals.id, id))).get();
  }

  findByName(name: string): DealRow | undefined {
    return this.db.select().from(deals).where(this.where(deals.deletedAt, {}, eq(deals.name, name))).get();
  }

  /** A deal named on the command line: its id as digits, or its name. */
  findByRef(ref: string): DealRow | undefined {
    return (/^\d+$/.test(ref) ? this.get(Number(ref)) : undefined) ?? this.findByName(ref);
  }

  list(options: ScopeOptions = {}): DealRow[] {
    return this.db.select().from(deals).where(this.where(deals.deletedAt, options)).orderBy(asc(deals.name)).all();
  }

  update(id: number, changes: Partial<NewDeal>): void {
    this.db
      .update(deals)
      .set({ ...changes, updatedAt: this.now() })
      .where(eq(deals.id, id))
      .run();
  }

  archive(id: number): void {
    this.db.update(deals).set({ deletedAt: this.now() }).where(eq(deals.id, id)).run();
  }

  count(options: ScopeOptions = {}): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(deals).where(this.where(deals.deletedAt, options)).get()?.n ?? 0;
  }
}
