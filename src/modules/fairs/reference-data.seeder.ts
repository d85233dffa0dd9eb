import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { seedKdjCenter } from '../venue/venue.seed';
import { seedFairs } from './fairs.seed';

const SEED_LOCK_KEY = 724_1002;

/** Loads the venue and the fairs at start (SEED_ON_START); safe to run any number of times. */
@Injectable()
export class ReferenceDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('seed');

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedOnStart) return;
    await this.seed();
  }

  async seed(): Promise<void> {
    await this.transactions.run(async ({ manager }) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      const venueId = await seedKdjCenter(manager);
      await seedFairs(manager, venueId);
    });
    this.logger.log('reference data present: KDJ Center and the three fair series');
  }
}
