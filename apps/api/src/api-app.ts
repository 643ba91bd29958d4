import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import rateLimit from '@fastify/rate-limit';
import { nestLogLevels, parseTrustProxy, Settings } from '@app/config';
import { keyPrefix } from '@app/queue';
import { ApiModule } from './api.module';
import { frameworkErrorReply } from './common/framework-errors';
import { enableMultipartUploads } from './common/multipart-uploads';
import { rateLimitRedis, sharedRateLimitStore } from './common/shared-rate-limit.store';
import { createValidationPipe } from './common/validation.pipe';
import { GracefulShutdown } from './lifecycle/graceful-shutdown.service';
import { MetricsService } from './metrics/metrics.service';
import { PagesModule } from './pages/pages.module';
import { registerQueueBoard } from './queue-board/queue-board.plugin';

const JSON_BODY_LIMIT = 64 * 1024;

/** Builds the HTTP app (not yet listening): used by main, the demo and the end-to-end tests. */
export async function createApiApp(settings: Settings): Promise<NestFastifyApplication> {
  // Only a trusted proxy's X-Forwarded-For names the client (request.ip, which the rate limit counts by).
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: parseTrustProxy(settings.TRUST_PROXY) ?? false,
    frameworkErrors: frameworkErrorReply,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register(settings), adapter, {
    logger: nestLogLevels(settings.LOG_LEVEL),
    bufferLogs: false,
    // Nest would add its own JSON and form parsers at init, after the clean-up below: form bodies then
    // got through as objects (400 field errors) instead of 415. Fastify's JSON parser is all we need.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: other media types get 415 instead of being parsed as text or forms (the pages read their
  // own forms, outside /v1).
  for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
    if (fastify.hasContentTypeParser(type)) fastify.removeContentTypeParser(type);
  }
  PagesModule.prepare(app);
  // Throttling is opt-in per route (@RouteConfig({ rateLimit })), for endpoints anyone may call; the
  // count is kept in Redis, so a client meets one limit however many api processes serve it.
  const limiterRedis = rateLimitRedis(settings);
  fastify.addHook('onClose', async () => limiterRedis.disconnect());
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(limiterRedis, `${keyPrefix(settings)}:rate-limit:`) });
  await enableMultipartUploads(app, settings.UPLOAD_LIMIT_BYTES);
  await registerQueueBoard(app, settings);
  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  app.useGlobalPipes(createValidationPipe());
  // Stop signals are handled by main with GracefulShutdown, not Nest's shutdown hooks, which closed the
  // database before the listener and cut connections in flight.
  app.get(GracefulShutdown).attach(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('KCN reporting API')
      .setDescription(
        'Quarterly reports of enterprises in the industrial parks and clusters of Lào Cai: intake, registry, review and published ' +
          'summaries. Errors are RFC 9457 problem details.',
      )
      .setVersion('1')
      .addServer('/', 'This installation: the host that serves this document')
      .addBearerAuth({ type: 'http', bearerFormat: 'opaque', description: 'A token from POST /v1/tokens or `npm run cli -- token:create`' })
      .addTag('operations', 'Health, readiness and Prometheus metrics; no token (metrics need METRICS_TOKEN when it is set).')
      .addTag('tokens', 'Bearer tokens, for admins: issued once (only their hash is stored) and revoked.')
      .addTag(
        'registry',
        'Zones (with their leasable land), enterprises, projects and annual targets: admins everywhere, boards within their zones.',
      )
      .addTag('reports', 'Quarterly reports filed as JSON or uploaded as .xlsx or CSV: stored at once (202), decided by the worker.')
      .addTag('periods', 'Who filed a quarter, and its locks per zone or for the whole province.')
      .addTag('summaries', 'Figures per zone, zone kind and province over a quarter, a year or a range, as JSON or a workbook.')
      .addTag('plan', "The province's plan to 2030: targets set by admins, each read as of a day with its progress and land occupancy.")
      .addTag('review', "The board's follow-up of warnings, its reviews, and the audit log.")
      .addTag('publications', 'Monthly publications (immutable, numbered snapshots) and the subscribers they are emailed to.')
      .addTag('public', 'Published figures after disclosure control, for anyone, without a token.')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
