import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  async create(@Body() body: CreateProjectDto, @CurrentPrincipal() p: Principal) {
    return projectView(await this.projects.create(body, p));
  }

  @Get()
  async list(@Query() q: ZoneFilterQuery, @CurrentPrincipal() p: Principal) {
    return pageView(await this.projects.list(q, p), projectView);
  }

  @Get(':code')
  async get(@Param('code') code: string, @CurrentPrincipal() p: Principal) {
    return projectView(await this.projects.get(code, p));
  }

  @Patch(':code')
  async update(@Param('code') code: string, @Body() body: UpdateProjectDto, @CurrentPrincipal() p: Principal) {
    return projectView(await this.projects.update(code, body, p));
  }
}
