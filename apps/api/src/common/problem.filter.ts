import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { dataException } from './data-exception';
import { problemBody, ProblemBody } from './problem';
import { RETRY_AFTER_SECONDS, unavailableProblem } from './unavailable-problem';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const FRAMEWORK_DETAILS: Record<number, string> = {
  413: 'The request body is larger than this endpoint accepts.',
  415: 'Unsupported media type: send application/json (multipart/form-data for uploads).',
};

/** Turns any error into problem details; unexpected errors are logged, never leaked. */
export function toProblem(error: unknown, logger: Logger): ProblemBody {
  if (error instanceof HttpException) {
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null && 'type' in response) return response as ProblemBody;
    const status = error.getStatus();
    const message = typeof response === 'string' ? response : ((response as { message?: string | string[] }).message ?? error.message);
    return problemBody(status, FRAMEWORK_DETAILS[status] ?? (Array.isArray(message) ? message.join('; ') : String(message)));
  }
  const framework = error as { statusCode?: number; message?: string };
  if (typeof framework.statusCode === 'number' && framework.statusCode < 500) {
    return problemBody(framework.statusCode, FRAMEWORK_DETAILS[framework.statusCode] ?? framework.message ?? 'Bad request');
  }
  const refused = dataException(error);
  if (refused) {
    logger.warn(refused.logLine);
    return problemBody(422, refused.detail);
  }
  const unavailable = unavailableProblem(error);
  if (unavailable) return unavailable;
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return problemBody(500, 'An unexpected error occurred; it has been logged.');
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toProblem(error, this.logger);
    if (body.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }
}
