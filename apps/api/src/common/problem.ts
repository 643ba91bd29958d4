import { HttpException } from '@nestjs/common';

/** One bad field or cell: the field path, a stable code, a readable message. */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
  readonly cell?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export function problemBody(status: number, detail: string, errors?: FieldError[], type?: string): ProblemBody {
  const title = TITLES[status] ?? 'Error';
  return {
    type: type ?? `https://kcn-reporting.example/problems/${title.toLowerCase().replace(/ /g, '-')}`,
    title,
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** An HTTP error answered as RFC 9457 problem details. */
export class Problem extends HttpException {
  constructor(
    status: number,
    detail: string,
    readonly errors?: FieldError[],
  ) {
    super(problemBody(status, detail, errors), status);
  }

  static badRequest(detail: string, errors?: FieldError[]): Problem {
    return new Problem(400, detail, errors);
  }
  static unprocessable(detail: string, errors?: FieldError[]): Problem {
    return new Problem(422, detail, errors);
  }
  static notFound(detail: string): Problem {
    return new Problem(404, detail);
  }
  static forbidden(detail: string, errors?: FieldError[]): Problem {
    return new Problem(403, detail, errors);
  }
  static conflict(detail: string, errors?: FieldError[]): Problem {
    return new Problem(409, detail, errors);
  }

  /** One field broke one rule. */
  static field(status: 400 | 403 | 409 | 422, field: string, code: string, message: string): Problem {
    return new Problem(status, message, [{ field, code, message }]);
  }
}
