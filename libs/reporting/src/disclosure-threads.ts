import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  assembleDisclosure,
  AUDITED_MEASURES,
  Decision,
  measureInput,
  PublicationDisclosure,
  PublicationDisclosureInput,
} from '@app/domain';
import type { MeasureTask } from './disclosure.thread';

type Answer = { readonly decisions: Array<[string, Decision]> } | { readonly error: string };

/**
 * A publication's disclosure control with its measures decided side by side on threads: each measure is audited
 * apart, and an audit is seconds to minutes of CPU. The decisions are those of `disclosePublication`. Threads
 * live for one publication (once a month): nothing to keep or stop between.
 */
export async function discloseOnThreads(input: PublicationDisclosureInput, threads?: number): Promise<PublicationDisclosure> {
  const queue = [...AUDITED_MEASURES];
  const decisions = new Map<string, Decision>();
  const count = Math.max(1, Math.min(threads ?? availableParallelism(), queue.length));
  const workers = Array.from({ length: count }, () => new Worker(join(__dirname, 'disclosure.thread.js')));
  try {
    await Promise.all(
      workers.map(async (worker) => {
        for (let measure = queue.shift(); measure !== undefined; measure = queue.shift()) {
          const answer = await ask(worker, { measure, input: measureInput(input, measure) });
          if ('error' in answer) throw new Error(`disclosure audit of ${measure}: ${answer.error}`);
          for (const [key, d] of answer.decisions) decisions.set(key, d);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return assembleDisclosure(input, decisions);
}

function ask(worker: Worker, task: MeasureTask): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    const onMessage = (answer: Answer) => {
      settle();
      resolve(answer);
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(task);
  });
}
