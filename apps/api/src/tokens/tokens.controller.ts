import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { issueToken, Principal, TokenRequestError } from '@app/access';
import { recordAudit } from '@app/database';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { TOKEN_REVOKED_CHANNEL } from '../auth/token-revocations.service';
import { TokenStore } from '../auth/token-store.service';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { CreateTokenDto } from './create-token.dto';
import { parseZoneScope } from './zone-scope';

@ApiTags('tokens')
@ApiBearerAuth()
@Controller('v1/tokens')
@Roles('admin')
export class TokensController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenStore,
  ) {}

  /** The token is shown once; only its hash is stored. */
  @Post()
  @ApiOperation({
    summary: 'Issue a token',
    description:
      'Admin. A board token needs `zoneCodes` (a list of zone codes, or "all"), an enterprise token a ' +
      '`taxCode`; other roles carry neither (422). Answers 201 `{id, token}`: the token is shown this once, ' +
      'only its hash is stored.',
  })
  async create(@Body() body: CreateTokenDto, @CurrentPrincipal() p: Principal): Promise<{ id: string; token: string }> {
    // Refused rather than dropped: an admin or enterprise token sent with zones would otherwise look scoped and is not.
    if (body.role !== 'board' && body.zoneCodes !== undefined) {
      throw Problem.field(422, 'zoneCodes', 'NOT_ALLOWED', 'only board tokens carry zone codes');
    }
    const zoneCodes = body.role === 'board' ? parseZoneScope(body.zoneCodes) : undefined;
    try {
      const issued = await issueToken(this.db, { ...body, zoneCodes, createdBy: p.tokenId });
      await recordAudit(this.db, byPrincipal(p, { action: 'token.create', entity: 'token', entityId: issued.id, details: { role: body.role, name: body.name, zoneCodes: zoneCodes ?? null, taxCode: body.taxCode ?? null } }));
      return issued;
    } catch (e) {
      if (e instanceof TokenRequestError) throw Problem.field(422, e.field, e.code, e.message);
      throw e;
    }
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Revoke a token',
    description:
      'Admin. 204, and the token stops working in every api process; 404 for an unknown or already revoked ' +
      'token.',
  })
  @HttpCode(204)
  async revoke(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => Problem.notFound('No such token.') })) id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    const result: [unknown, number] = await this.db.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
    if (result[1] === 0) throw Problem.notFound('No such active token.');
    this.tokens.forget(id);
    await this.db.query('SELECT pg_notify($1, $2)', [TOKEN_REVOKED_CHANNEL, id]);
    await recordAudit(this.db, byPrincipal(p, { action: 'token.revoke', entity: 'token', entityId: id }));
  }
}
