// Checks what neither ESLint nor Prettier checks: nest-cli.json names every app and lib with its real
// tsconfig, and no source line is longer than 140 characters (Prettier leaves long strings alone).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const MAX_LINE = 140;
const problems = [];

const nest = JSON.parse(readFileSync('nest-cli.json', 'utf8'));
const folders = [...readdirSync('apps').map((name) => `apps/${name}`), ...readdirSync('libs').map((name) => `libs/${name}`)];
const named = new Map(Object.values(nest.projects).map((project) => [project.root, project]));
for (const folder of folders) if (!named.has(folder)) problems.push(`nest-cli.json: no project for ${folder}`);
for (const [root, project] of named) {
  if (!folders.includes(root)) problems.push(`nest-cli.json: ${root} does not exist`);
  const tsconfig = project.compilerOptions?.tsConfigPath;
  if (!tsconfig || !existsSync(tsconfig)) problems.push(`nest-cli.json: ${root} names no tsconfig that exists (${tsconfig})`);
}

const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mjs', '*.js'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file && existsSync(file));
for (const file of sources) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.length > MAX_LINE) problems.push(`${file}:${i + 1}: ${line.length} characters (at most ${MAX_LINE})`);
    });
}

for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
console.log(
  `layout: ${folders.length} projects named in nest-cli.json, ${sources.length} source files within ${MAX_LINE} characters a line`,
);
