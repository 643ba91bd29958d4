import type { ApiTokensRepository, Role, SqlSession } from '@app/database';
import { generateTokenSecret, hashTokenSecret } from './token-secret';

export interface TokenRequest {
  readonly role: Role;
  readonly name: string;
  /** Board only; null or omitted means every zone. */
  readonly zoneCodes?: readonly string[] | null;
  /** Enterprise only. */
  readonly taxCode?: string | null;
  readonly createdBy?: string | null;
}

export class TokenRequestError extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checks what a token may be given, independent of who asks (HTTP or CLI). */
export function checkTokenRequest(req: TokenRequest): void {
  if (req.role === 'enterprise' && !/^\d{10}(-\d{3})?$/.test(req.taxCode ?? '')) {
    throw new TokenRequestError(
      'taxCode',
      'INVALID_TAX_CODE',
      'an enterprise token needs a tax code of 10 digits, or 10 digits, a hyphen and 3 digits',
    );
  }
  if (req.role !== 'enterprise' && req.taxCode) {
    throw new TokenRequestError('taxCode', 'NOT_ALLOWED', 'only enterprise tokens carry a tax code');
  }
  if (req.role !== 'board' && req.zoneCodes && req.zoneCodes.length > 0) {
    throw new TokenRequestError('zoneCodes', 'NOT_ALLOWED', 'only board tokens carry zone codes');
  }
}

/** Stores a new token's hash (in the caller's transaction when given one); the secret is returned once and never stored. */
export async function issueToken(tokens: ApiTokensRepository, req: TokenRequest, tx?: SqlSession): Promise<{ id: string; token: string }> {
  checkTokenRequest(req);
  const token = generateTokenSecret();
  const id = await tokens.insert(
    {
      name: req.name,
      role: req.role,
      zoneCodes: req.role === 'board' && req.zoneCodes ? [...req.zoneCodes] : null,
      taxCode: req.role === 'enterprise' ? (req.taxCode ?? null) : null,
      tokenHash: hashTokenSecret(token),
      createdBy: req.createdBy ?? null,
    },
    tx,
  );
  return { id, token };
}
