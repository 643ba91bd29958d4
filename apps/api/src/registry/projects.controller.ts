import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/access';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { CreateProjectDto, UpdateProjectDto } from './dto/project.dto';
import { ZoneFilterQuery } from './dto/registry-query.dto';
import { ProjectsService } from './projects.service';
import { projectView } from './registry-views';
import { pageView } from './zone-scoped-page';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/projects')
@Roles('admin', 'board')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

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
    return projectView(await this.projects.create(body, p));
  }

  @Get()
  @ApiOperation({
    summary: 'List projects',
    description: "The caller's zones (`zone` narrows to one), ordered by code, paginated with `limit` and `cursor`.",
  })
  async list(@Query() q: ZoneFilterQuery, @CurrentPrincipal() p: Principal) {
    return pageView(await this.projects.list(q, p), projectView);
  }

  @Get(':code')
  @ApiOperation({
    summary: 'Read a project',
    description: 'Admin, or a board; a project outside its zones is answered 404, as an unknown one.',
  })
  async get(@Param('code') code: string, @CurrentPrincipal() p: Principal) {
    return projectView(await this.projects.get(code, p));
  }

  @Patch(':code')
  @ApiOperation({
    summary: 'Change a project',
    description: 'Fields left out keep their value; `operatingFrom`, `endedAt` and `registeredCapital` may be cleared with ' + 'null.',
  })
  async update(@Param('code') code: string, @Body() body: UpdateProjectDto, @CurrentPrincipal() p: Principal) {
    return projectView(await this.projects.update(code, body, p));
  }
}
