import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  create(@Body() body: CreateTokenDto, @CurrentPrincipal() p: Principal): Promise<{ id: string; token: string }> {
    return this.tokens.issue(body, p);
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => Problem.notFound('No such token.') })) id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    return this.tokens.revoke(id, p);
  }
}
