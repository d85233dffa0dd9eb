import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { editionOfRowById } from '../../core/auth/edition-scope-sql';
import { EditionScopes } from '../../core/auth/edition-scopes';

/** `@StaffRoles('venue', { scope: 'booking' })`: the edition a booking serves (none for an outside event). */
@Injectable()
export class BookingEditionScope implements OnModuleInit {
  constructor(private readonly scopes: EditionScopes, private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.scopes.register('booking', editionOfRowById(this.dataSource, `SELECT edition_id AS "editionId" FROM venue_bookings WHERE id = $1`));
  }
}
