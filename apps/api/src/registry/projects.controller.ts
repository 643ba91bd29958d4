import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Repository } from 'typeorm';
import { canAccessZone, Principal } from '@app/access';
import { Project, recordAudit } from '@app/database';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { CreateProjectDto, UpdateProjectDto } from './dto/project.dto';
import { ZoneFilterQuery } from './dto/registry-query.dto';
import { zoneScopedPage } from './zone-scoped-page';
import { assertDateOrder, assertZoneInScope, isUniqueViolation } from './registry-checks';
import { RegistryLookups } from './registry-lookups.service';
import { projectView } from './registry-views';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/projects')
@Roles('admin', 'board')
export class ProjectsController {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    private readonly lookups: RegistryLookups,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register a project',
    description:
      "Admin, or a board in its zones. The enterprise must be registered in the caller's zones (422 " +
      'UNKNOWN_ENTERPRISE otherwise, for unknown and foreign tax codes alike); 409 DUPLICATE when the code ' +
      'exists. It counts as operating at the end of a period when `operatingFrom` is on or before its last day ' +
      'and `endedAt` is not (suspended or terminated without `endedAt`: not operating).',
  })
  async create(@Body() body: CreateProjectDto, @CurrentPrincipal() p: Principal) {
    assertZoneInScope(p, body.zoneCode);
    await this.lookups.assertZoneExists(body.zoneCode);
    await this.lookups.enterpriseInScope(p, body.taxCode);
    assertDateOrder(body.operatingFrom, body.endedAt, 'endedAt');
    const duplicate = () => Problem.field(409, 'code', 'DUPLICATE', `project ${body.code} already exists`);
    if (await this.projects.existsBy({ code: body.code })) throw duplicate();
    try {
      const saved = await this.projects.save(this.projects.create({
        ...body, operatingFrom: body.operatingFrom ?? null, endedAt: body.endedAt ?? null,
        registeredCapital: body.registeredCapital == null ? null : String(body.registeredCapital),
      }));
      await recordAudit(this.projects.manager, byPrincipal(p, { action: 'project.create', entity: 'project', entityId: saved.code, details: { ...body } }));
      return projectView(saved);
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicate();
      throw e;
    }
  }

  @Get()
  @ApiOperation({
    summary: 'List projects',
    description:
      "The caller's zones (`zone` narrows to one), ordered by code, paginated with `limit` and `cursor`.",
  })
  list(@Query() q: ZoneFilterQuery, @CurrentPrincipal() p: Principal) {
    return zoneScopedPage(this.projects, 'code', (x) => x.code, projectView, q, p);
  }

  @Get(':code')
  @ApiOperation({
    summary: 'Read a project',
    description:
      'Admin, or a board; a project outside its zones is answered 404, as an unknown one.',
  })
  async get(@Param('code') code: string, @CurrentPrincipal() p: Principal) {
    return projectView(await this.findInScope(code, p));
  }

  @Patch(':code')
  @ApiOperation({
    summary: 'Change a project',
    description:
      'Fields left out keep their value; `operatingFrom`, `endedAt` and `registeredCapital` may be cleared with ' +
      'null.',
  })
  async update(@Param('code') code: string, @Body() body: UpdateProjectDto, @CurrentPrincipal() p: Principal) {
    const project = await this.findInScope(code, p);
    if (body.zoneCode !== undefined && body.zoneCode !== project.zoneCode) {
      assertZoneInScope(p, body.zoneCode);
      await this.lookups.assertZoneExists(body.zoneCode);
    }
    if (body.taxCode !== undefined) await this.lookups.enterpriseInScope(p, body.taxCode);
    const { registeredCapital, ...rest } = body;
    Object.assign(project, rest, registeredCapital === undefined ? {} : { registeredCapital: registeredCapital === null ? null : String(registeredCapital) });
    assertDateOrder(project.operatingFrom, project.endedAt, 'endedAt');
    const saved = await this.projects.save(project);
    await recordAudit(this.projects.manager, byPrincipal(p, { action: 'project.update', entity: 'project', entityId: code, details: { ...body } }));
    return projectView(saved);
  }

  private async findInScope(code: string, p: Principal): Promise<Project> {
    const project = await this.projects.findOneBy({ code });
    if (!project || !canAccessZone(p, project.zoneCode)) throw Problem.notFound(`No project ${code} in your scope.`);
    return project;
  }
}
