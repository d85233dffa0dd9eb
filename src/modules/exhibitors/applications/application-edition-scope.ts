import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { editionOfRowById } from '../../../core/auth/edition-scope-sql';
import { EditionScopes } from '../../../core/auth/edition-scopes';

/** `@StaffRoles(..., { scope: 'application' })`: the edition of the application a route names by id. */
@Injectable()
export class ApplicationEditionScope implements OnModuleInit {
  constructor(private readonly scopes: EditionScopes, private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.scopes.register('application', editionOfRowById(this.dataSource, `SELECT edition_id AS "editionId" FROM exhibitor_applications WHERE id = $1`));
  }
}
