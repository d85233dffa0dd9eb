import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config';
import { TransactionRunner } from '../../../core/database/transaction-runner';
import { seedExhibitions } from './exhibition.seed';

const SEED_LOCK_KEY = 724_1003;

/** Seeds exhibition terms and booth plans (SEED_ON_START) after the fairs module seeded the editions. */
@Injectable()
export class ExhibitionSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedOnStart) return;
    await this.transactions.run(async ({ manager }) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      await seedExhibitions(manager);
    });
  }
}
