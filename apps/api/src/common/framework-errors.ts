import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problemBody } from './problem';
import { PROBLEM_CONTENT_TYPE } from './problem.filter';

const DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL: 'The URL is not valid: a percent-encoded part of its path does not decode.',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is longer than 100 characters; no identifier of this API is.',
};

/** Requests Fastify refuses before any route runs (a malformed path, an over-long path parameter): problem details like every answer. */
export function frameworkErrorReply(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  void reply
    .code(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(problemBody(status, DETAILS[error.code] ?? error.message));
}
