import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs in a Node process of its own over the built api (Nest's packages are ES modules, which jest cannot
 * load): reads a JSON array of bodies on stdin and prints, for each, what the api's pipe answers with the
 * report's compiled validator and with class-transformer and class-validator (how every body was checked
 * before), the steps before them being the same.
 */
const SCRIPT = `
require('reflect-metadata');
const { createValidationPipe } = require('./dist/apps/api/src/common/validation.pipe.js');
const { SubmitReportDto } = require('./dist/apps/api/src/reports/dto/submit-report.dto.js');
const compiled = createValidationPipe();
const reflective = createValidationPipe({ compiled: false });
const answer = async (pipe, body) => {
  try {
    return { value: await pipe.transform(body, { type: 'body', metatype: SubmitReportDto, data: undefined }) };
  } catch (error) {
    return { status: error.getStatus(), problem: error.getResponse() };
  }
};
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const answers = [];
  // Each path gets its own copy: the pipe strips keys in place.
  for (const body of JSON.parse(input)) {
    answers.push({
      compiled: await answer(compiled, structuredClone(body)),
      reflective: await answer(reflective, structuredClone(body)),
    });
  }
  process.stdout.write(JSON.stringify(answers));
});
`;

/** What one path answered: the value the handler gets, or the problem details and status. */
export interface PathAnswer {
  value?: unknown;
  status?: number;
  problem?: unknown;
}

/** Both paths' answers to each body, in order. */
export function validateOnBothPaths(bodies: readonly unknown[]): Promise<Array<{ compiled: PathAnswer; reflective: PathAnswer }>> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', SCRIPT], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Array<{ compiled: PathAnswer; reflective: PathAnswer }>);
    });
    child.stdin!.end(JSON.stringify(bodies));
  });
}
