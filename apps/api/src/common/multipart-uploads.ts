import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem.filter';
import { UploadRejection } from '@app/excel';
import { Problem, problemBody } from './problem';

/** Route config of the routes that take a multipart upload: `@RouteConfig(MULTIPART_UPLOAD)`. */
export const MULTIPART_UPLOAD = { multipartUpload: true };

// One file and nothing much else: a form that tries more is refused by the parser (413).
const FORM_LIMITS = { files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 100 };

/**
 * Multipart bodies for the routes marked MULTIPART_UPLOAD only: every other route keeps answering 415
 * to anything but JSON, as before the parser was registered. The file itself is limited to
 * `maxFileBytes` while it streams in, so a larger one is cut off and refused without being held.
 */
export async function enableMultipartUploads(app: NestFastifyApplication, maxFileBytes: number): Promise<void> {
  // preservePath: the file name is kept as sent (it is only shown back), not cut at its last "/".
  await app.register(multipart, { limits: { ...FORM_LIMITS, fileSize: maxFileBytes }, preservePath: true });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      const multipartBody = request.headers['content-type']?.toLowerCase().startsWith('multipart/');
      const config = request.routeOptions.config as { multipartUpload?: boolean } | undefined;
      if (multipartBody && request.routeOptions.url !== undefined && !config?.multipartUpload) {
        return reply
          .code(415)
          .header('content-type', PROBLEM_CONTENT_TYPE)
          .send(
            problemBody(
              415,
              'Unsupported media type: send application/json; multipart/form-data is taken by POST /v1/reports/upload only.',
            ),
          );
      }
    });
}

/** The file of the multipart field `file`, read as it arrives; it ends with FILE_TOO_LARGE (413) if cut at the upload limit. */
export async function uploadedFile(
  request: FastifyRequest,
  maxFileBytes: number,
): Promise<{ chunks: AsyncIterable<Buffer>; fileName: string | undefined }> {
  if (!request.isMultipart()) {
    throw new Problem(415, 'Send the file as multipart/form-data, in the field "file".');
  }
  const part = await request.file();
  if (!part || part.fieldname !== 'file') {
    throw Problem.field(
      400,
      'file',
      'REQUIRED',
      'the multipart field "file" with the .xlsx or .csv file is required (a part whose file name holds a line break is not read)',
    );
  }
  return { chunks: fileChunks(part.file, maxFileBytes), fileName: part.filename || undefined };
}

async function* fileChunks(file: AsyncIterable<Buffer> & { truncated: boolean }, maxFileBytes: number): AsyncIterable<Buffer> {
  for await (const chunk of file) yield chunk;
  if (file.truncated) {
    const message = `the file is larger than ${maxFileBytes} bytes, the most accepted; split it into smaller files`;
    throw new UploadRejection(413, `The file is too large: ${message}.`, [{ field: 'file', code: 'FILE_TOO_LARGE', message }]);
  }
}
