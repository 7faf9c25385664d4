import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const scope = new AsyncLocalStorage<{ requestId: string }>();

/** Express middleware: gives each request an id (echoed as `x-request-id`), readable anywhere below it. */
export function requestScope(req: Request, res: Response, next: NextFunction): void {
  const requestId = randomUUID();
  res.setHeader('x-request-id', requestId);
  scope.run({ requestId }, next);
}

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}
