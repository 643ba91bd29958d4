import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { PageContext } from '../page-context';
import { PageNotFound, PageRenderer } from '../page-renderer.service';
import { myQuartersPage } from '../views/my-quarters.view';
import { EnterpriseFilings } from './enterprise-filings.service';

/** An enterprise's home page (`/` with an enterprise's session): its quarters. */
@Injectable()
export class MyQuartersPage {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly filings: EnterpriseFilings,
  ) {}

  async send(ctx: PageContext, reply: FastifyReply): Promise<void> {
    const filing = ctx.principal?.taxCode ? await this.filings.read(ctx.principal.taxCode) : null;
    // A token for a tax code the registry no longer has: nothing of it to show.
    if (!filing) throw new PageNotFound();
    this.renderer.send(reply, ctx, myQuartersPage(ctx, filing));
  }
}
