import { Injectable } from '@nestjs/common';
import { issueToken, Principal, TokenRequestError } from '@app/access';
import { ApiTokensRepository, recordAudit, Transactions } from '@app/database';
import { TokenStore } from '../auth/token-store.service';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { CreateTokenDto } from './create-token.dto';
import { parseZoneScope } from './zone-scope';

/** Issuing and revoking tokens, each with its audit entry in the same transaction. */
@Injectable()
export class TokensService {
  constructor(
    private readonly transactions: Transactions,
    private readonly tokens: ApiTokensRepository,
    private readonly store: TokenStore,
  ) {}

  async issue(body: CreateTokenDto, p: Principal): Promise<{ id: string; token: string }> {
    // Refused rather than dropped: an admin or enterprise token sent with zones would otherwise look scoped and is not.
    if (body.role !== 'board' && body.zoneCodes !== undefined) {
      throw Problem.field(422, 'zoneCodes', 'NOT_ALLOWED', 'only board tokens carry zone codes');
    }
    const zoneCodes = body.role === 'board' ? parseZoneScope(body.zoneCodes) : undefined;
    try {
      return await this.transactions.run(async (tx) => {
        const issued = await issueToken(this.tokens, { ...body, zoneCodes, createdBy: p.tokenId }, tx);
        const details = { role: body.role, name: body.name, zoneCodes: zoneCodes ?? null, taxCode: body.taxCode ?? null };
        await recordAudit(tx, byPrincipal(p, { action: 'token.create', entity: 'token', entityId: issued.id, details }));
        return issued;
      });
    } catch (e) {
      if (e instanceof TokenRequestError) throw Problem.field(422, e.field, e.code, e.message);
      throw e;
    }
  }

  /** Every api process forgets the token once the revocation commits (TokenRevocations); this one at once. */
  async revoke(id: string, p: Principal): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.tokens.revoke(id, tx))) throw Problem.notFound('No such active token.');
      await recordAudit(tx, byPrincipal(p, { action: 'token.revoke', entity: 'token', entityId: id }));
    });
    this.store.forget(id);
  }
}
