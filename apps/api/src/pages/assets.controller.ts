import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Public } from '../auth/access.decorators';
import { ASSETS_DIR } from './assets';
import { PageRenderer } from './page-renderer.service';

const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };

/** The bundled stylesheet and script, named by their content: cached for a year, never stale. */
@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  private readonly files: Map<string, Promise<Buffer>>;

  constructor(renderer: PageRenderer) {
    const { css, js } = renderer.manifest;
    this.files = new Map([css, js].map((name) => [name, readFile(join(ASSETS_DIR, name))]));
  }

  @Get(':name')
  async asset(@Param('name') name: string, @Res() reply: FastifyReply): Promise<void> {
    const file = this.files.get(name);
    if (!file) {
      void reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('Not found');
      return;
    }
    void reply
      .header('content-type', TYPES[name.slice(name.lastIndexOf('.') + 1)])
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(await file);
  }
}
