// Binding executors treat some refusals as "already done" (404 on removal, 409 on creation): this says which.
import { GraphRequestError } from '../graph/errors';

export const isStatus = (e: unknown, status: number, code?: string) =>
  e instanceof GraphRequestError && e.status === status && (!code || e.code === code);
