import { SetMetadata } from '@nestjs/common';
import type { Role } from './entities/account.entity';

export const ROLES_KEY = 'fairgate:roles';
export const PUBLIC_KEY = 'fairgate:public';

/** Only accounts with one of these roles may call the route (401 without login, 403 with another role). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Anyone may call the route. Every route says either @Public() or @Roles(...): there is no default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);
