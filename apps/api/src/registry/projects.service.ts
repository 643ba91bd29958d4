import { Injectable } from '@nestjs/common';
import { canAccessZone, Principal } from '@app/access';
import { Project, ProjectsRepository, recordAudit, Transactions } from '@app/database';
import { byPrincipal } from '../audit/audit';
import { Page } from '../common/pagination';
import { applyPatch } from '../common/patch-type';
import { Problem } from '../common/problem';
import { CreateProjectDto, UpdateProjectDto } from './dto/project.dto';
import { ZoneFilterQuery } from './dto/registry-query.dto';
import { assertDateOrder, assertZoneInScope } from './registry-checks';
import { RegistryLookups } from './registry-lookups.service';
import { zoneScopedPage } from './zone-scoped-page';

const notFound = (code: string) => Problem.notFound(`No project ${code} in your scope.`);
const capitalText = (capital: number | string | null | undefined) => (capital === undefined ? undefined : capital === null ? null : String(capital));

/** The investment projects of the registry: boards keep those of their zones, each change audited in its transaction. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly projects: ProjectsRepository,
    private readonly lookups: RegistryLookups,
  ) {}

  async create(body: CreateProjectDto, p: Principal): Promise<Project> {
    assertZoneInScope(p, body.zoneCode);
    await this.lookups.assertZoneExists(body.zoneCode);
    await this.lookups.enterpriseInScope(p, body.taxCode);
    assertDateOrder(body.operatingFrom, body.endedAt, 'endedAt');
    return this.transactions.run(async (tx) => {
      const project = await this.projects.insert({
        ...body, operatingFrom: body.operatingFrom ?? null, endedAt: body.endedAt ?? null, registeredCapital: capitalText(body.registeredCapital) ?? null,
      }, tx);
      if (!project) throw Problem.field(409, 'code', 'DUPLICATE', `project ${body.code} already exists`);
      await recordAudit(tx, byPrincipal(p, { action: 'project.create', entity: 'project', entityId: project.code, details: { ...body } }));
      return project;
    });
  }

  list(q: ZoneFilterQuery, p: Principal): Promise<Page<Project>> {
    return zoneScopedPage((page) => this.projects.page(page), (x) => x.code, q, p);
  }

  async get(code: string, p: Principal): Promise<Project> {
    const project = await this.projects.find(code);
    if (!project || !canAccessZone(p, project.zoneCode)) throw notFound(code);
    return project;
  }

  async update(code: string, body: UpdateProjectDto, p: Principal): Promise<Project> {
    return this.transactions.run(async (tx) => {
      const project = await this.projects.findForUpdate(code, tx);
      if (!project || !canAccessZone(p, project.zoneCode)) throw notFound(code);
      if (body.zoneCode !== undefined && body.zoneCode !== project.zoneCode) {
        assertZoneInScope(p, body.zoneCode);
        await this.lookups.assertZoneExists(body.zoneCode);
      }
      if (body.taxCode !== undefined) await this.lookups.enterpriseInScope(p, body.taxCode);
      const changed = applyPatch(project, { ...body, code, registeredCapital: capitalText(body.registeredCapital) });
      assertDateOrder(changed.operatingFrom, changed.endedAt, 'endedAt');
      const updated = await this.projects.update(changed, tx);
      await recordAudit(tx, byPrincipal(p, { action: 'project.update', entity: 'project', entityId: code, details: { ...body } }));
      return updated;
    });
  }
}
