import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EditionScopes } from '../../core/auth/edition-scopes';

/** Tells the staff check which edition a route's `:code` / `:edition` / `?edition=` names (kind 'edition'). */
@Injectable()
export class EditionCodeScope implements OnModuleInit {
  constructor(private readonly scopes: EditionScopes, private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.scopes.register('edition', async (code) => {
      const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM fair_editions WHERE code = $1`, [code]);
      return rows[0]?.id;
    });
  }
}
