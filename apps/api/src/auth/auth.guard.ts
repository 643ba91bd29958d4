import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/database';
import { Problem } from '../common/problem';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { TokenStore } from './token-store.service';

/** Every route needs a valid bearer token (401) and, where declared, one of its roles (403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenStore,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new Problem(401, 'A bearer token is required: Authorization: Bearer <token>.');
    const principal = await this.tokens.resolve(match[1]);
    if (!principal) throw new Problem(401, 'The bearer token is unknown or revoked.');
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new Problem(403, `This action needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
