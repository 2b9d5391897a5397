import { Worker } from 'node:worker_threads';

/**
 * Runs a TypeScript module of the tests in a worker thread (TypeScript loaded by tsx, as the
 * server is), hands it `data` as workerData, and resolves with the one message it posts:
 * `{ ok: true, value }` or `{ ok: false, error }` (then this rejects with that error's text).
 */
export function runTsWorker<T>(moduleUrl: URL, data: unknown): Promise<T> {
  const source = `import('tsx/esm/api')
    .then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl.href)}); })
    .catch((e) => require('node:worker_threads').parentPort.postMessage({ ok: false, error: String((e && e.stack) || e) }));`;
  const worker = new Worker(source, { eval: true, workerData: data });
  return new Promise<T>((resolve, reject) => {
    worker.once('message', (message: { ok: true; value: T } | { ok: false; error: string }) => {
      void worker.terminate();
      if (message.ok) resolve(message.value);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before it answered`)));
  });
}
