import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { EditionScopes } from './edition-scopes';
import { SessionsService } from './sessions.service';

/** Accounts, sessions and the global guard every route goes through. */
@Global()
@Module({
  controllers: [AuthController],
  providers: [SessionsService, EditionScopes, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [SessionsService, EditionScopes],
})
export class AuthModule {}
