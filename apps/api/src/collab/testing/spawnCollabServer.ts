import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SpawnedServer {
  port: number;
  url: string;
  child: ChildProcess;
  /** ask the process over IPC */
  request<T>(msg: { type: string; projectId?: string; userId?: string }): Promise<T>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./collabServerMain.ts', import.meta.url));

/** Starts collabServerMain.ts as its own Node process (tsx loader) and waits for its port. */
export async function spawnCollabServer(env: Record<string, string>, execArgv: string[] = []): Promise<SpawnedServer> {
  const child = fork(MAIN, [], {
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`collab server exited early (${code})`)));
  });
  let nextId = 1;
  const waiting = new Map<number, (v: unknown) => void>();
  child.on('message', (m: { id: number }) => {
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  return {
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    child,
    request: <T>(msg: { type: string; projectId?: string; userId?: string }) =>
      new Promise<T>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve as (v: unknown) => void);
        child.send({ ...msg, id });
      }),
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
