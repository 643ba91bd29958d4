import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/access';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { CreateTokenDto } from './create-token.dto';
import { TokensService } from './tokens.service';

@ApiTags('tokens')
@ApiBearerAuth()
@Controller('v1/tokens')
@Roles('admin')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  /** The token is shown once; only its hash is stored. */
  @Post()
  @ApiOperation({
    summary: 'Issue a token',
    description:
      'Admin. A board token needs `zoneCodes` (a list of zone codes, or "all"), an enterprise token a ' +
      '`taxCode`; other roles carry neither (422). Answers 201 `{id, token}`: the token is shown this once, ' +
      'only its hash is stored.',
  })
  create(@Body() body: CreateTokenDto, @CurrentPrincipal() p: Principal): Promise<{ id: string; token: string }> {
    return this.tokens.issue(body, p);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Revoke a token',
    description: 'Admin. 204, and the token stops working in every api process; 404 for an unknown or already revoked ' + 'token.',
  })
  @HttpCode(204)
  revoke(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => Problem.notFound('No such token.') })) id: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<void> {
    return this.tokens.revoke(id, p);
  }
}
