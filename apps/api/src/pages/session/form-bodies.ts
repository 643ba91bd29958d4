import { errorCodes, FastifyInstance } from 'fastify';
import { MAX_TEXT_LENGTH } from '../../common/field-rules';
import { isStorableText } from '../../common/request-input-rules';

const FORM = 'application/x-www-form-urlencoded';
const FORM_LIMIT_BYTES = 16 * 1024;

/**
 * The pages' forms post `application/x-www-form-urlencoded`, read as a plain object of strings (a
 * repeated field keeps its last value). The API under /v1 keeps answering 415 to form bodies.
 */
export function acceptPageForms(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES }, (request, body, done) => {
    if (request.url.startsWith('/v1/')) return done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(FORM), undefined);
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}

/**
 * A note typed in a form (a review's comment, a return's message), trimmed; null if blank, too long or
 * unstorable, as the API would refuse it.
 */
export function formNote(raw: string | undefined): string | null {
  const text = raw?.trim() ?? '';
  return text === '' || text.length > MAX_TEXT_LENGTH || !isStorableText(text) ? null : text;
}
