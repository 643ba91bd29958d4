import { canAccessZone, Principal } from '@app/access';
import { recordAudit, RegistryRepository, SqlSession, Transactions } from '@app/database';
import { byPrincipal } from '../audit/audit';
import { Page, PageQuery } from '../common/pagination';
import { Problem } from '../common/problem';
import { zoneScopedPage } from './zone-scoped-page';

/** How a registry entity is named, keyed and scoped, and answered when missing or taken. */
export interface RegistryEntity<R> {
  /** In audit entries: `zone`, `enterprise`, `project`. */
  readonly name: string;
  key(row: R): string;
  /** The zone a row belongs to: a board reaches the rows of its zones only. */
  zoneOf(row: R): string;
  notFound(key: string): Problem;
  duplicate(key: string): Problem;
}

/**
 * What the registry's services share: rows read within the caller's zones (another zone's row is
 * answered as an unknown one), and every change written with its audit entry in one transaction.
 */
export abstract class RegistryService<F, R> {
  protected constructor(
    protected readonly transactions: Transactions,
    private readonly rows: RegistryRepository<F, R>,
    private readonly entity: RegistryEntity<R>,
  ) {}

  list(q: PageQuery & { zone?: string }, p: Principal): Promise<Page<R>> {
    return zoneScopedPage(
      (page) => this.rows.page(page),
      (row) => this.entity.key(row),
      q,
      p,
    );
  }

  async get(key: string, p: Principal): Promise<R> {
    return this.inScope(key, p, await this.rows.find(key));
  }

  /** The row, locked for an update until the transaction ends: 404 unless it is in the caller's zones. */
  protected async lockedInScope(key: string, p: Principal, tx: SqlSession): Promise<R> {
    return this.inScope(key, p, await this.rows.findForUpdate(key, tx));
  }

  /** Inserts the row unless its key is taken (409), with its audit entry. */
  protected insertAudited(fields: F, key: string, body: object, p: Principal): Promise<R> {
    return this.transactions.run(async (tx) => {
      const row = await this.rows.insert(fields, tx);
      if (!row) throw this.entity.duplicate(key);
      await this.audit(tx, p, 'create', key, body);
      return row;
    });
  }

  /** Writes the row's fields with the audit entry of `body`, in the caller's transaction. */
  protected async updateAudited(fields: F, key: string, body: object, p: Principal, tx: SqlSession): Promise<R> {
    const row = await this.rows.update(fields, tx);
    await this.audit(tx, p, 'update', key, body);
    return row;
  }

  private inScope(key: string, p: Principal, row: R | null): R {
    if (!row || !canAccessZone(p, this.entity.zoneOf(row))) throw this.entity.notFound(key);
    return row;
  }

  private async audit(tx: SqlSession, p: Principal, change: 'create' | 'update', key: string, body: object): Promise<void> {
    const { name } = this.entity;
    await recordAudit(tx, byPrincipal(p, { action: `${name}.${change}`, entity: name, entityId: key, details: { ...body } }));
  }
}
