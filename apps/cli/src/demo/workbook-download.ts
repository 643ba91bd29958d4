import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { HttpClient } from '../processes/http-client';

/** Saves the workbook at `path` under `dir`, named as the API names the attachment; returns its absolute path. */
export async function downloadWorkbook(http: HttpClient, path: string, token: string, dir: string): Promise<string> {
  const reply = await http.get<Buffer>(path, token);
  if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  const name = /filename="([^"/\\]+)"/.exec(reply.headers.get('content-disposition') ?? '')?.[1];
  if (name === undefined) throw new Error(`${path}: no file name in content-disposition`);
  const file = resolve(dir, name);
  await mkdir(dir, { recursive: true });
  await writeFile(file, reply.body);
  return file;
}
