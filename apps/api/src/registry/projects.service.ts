import { Injectable } from '@nestjs/common';
import { Principal } from '@app/access';
import { Project, ProjectFields, ProjectsRepository, Transactions } from '@app/database';
import { applyPatch } from '../common/patch-type';
import { Problem } from '../common/problem';
import { CreateProjectDto, UpdateProjectDto } from './dto/project.dto';
import { assertDateOrder, assertZoneInScope } from './registry-checks';
import { RegistryLookups } from './registry-lookups.service';
import { RegistryService } from './registry.service';
import { columnText } from './registry-values';

/** The numbers of a body as the texts their columns take. */
const projectNumbers = (body: UpdateProjectDto) => ({
  registeredCapital: columnText(body.registeredCapital),
  registeredCapitalUsd: columnText(body.registeredCapitalUsd),
  leasedHa: columnText(body.leasedHa),
});

/** The investment projects of the registry: boards keep those of their zones, linked to enterprises of their zones. */
@Injectable()
export class ProjectsService extends RegistryService<ProjectFields, Project> {
  constructor(
    transactions: Transactions,
    projects: ProjectsRepository,
    private readonly lookups: RegistryLookups,
  ) {
    super(transactions, projects, {
      name: 'project',
      key: (x) => x.code,
      zoneOf: (x) => x.zoneCode,
      notFound: (code) => Problem.notFound(`No project ${code} in your scope.`),
      duplicate: (code) => Problem.field(409, 'code', 'DUPLICATE', `project ${code} already exists`),
    });
  }

  async create(body: CreateProjectDto, p: Principal): Promise<Project> {
    assertZoneInScope(p, body.zoneCode);
    await this.lookups.assertZoneExists(body.zoneCode);
    await this.lookups.enterpriseInScope(p, body.taxCode);
    assertDateOrder(body.operatingFrom, body.endedAt, 'endedAt');
    const fields = {
      ...body,
      operatingFrom: body.operatingFrom ?? null,
      endedAt: body.endedAt ?? null,
      ...projectNumbers(body),
      registeredCapital: columnText(body.registeredCapital) ?? null,
    };
    return this.insertAudited(fields, body.code, body, p);
  }

  update(code: string, body: UpdateProjectDto, p: Principal): Promise<Project> {
    return this.transactions.run(async (tx) => {
      const project = await this.lockedInScope(code, p, tx);
      if (body.zoneCode !== undefined && body.zoneCode !== project.zoneCode) {
        assertZoneInScope(p, body.zoneCode);
        await this.lookups.assertZoneExists(body.zoneCode);
      }
      if (body.taxCode !== undefined) await this.lookups.enterpriseInScope(p, body.taxCode);
      const changed = applyPatch(project, { ...body, code, ...projectNumbers(body) });
      assertDateOrder(changed.operatingFrom, changed.endedAt, 'endedAt');
      return this.updateAudited(changed, code, body, p, tx);
    });
  }
}
