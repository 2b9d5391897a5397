import type { z } from 'zod';

/** JSON text columns: written from typed values, read back through the shared schema. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<S extends z.ZodType>(schema: S, text: string): z.infer<S> {
  return schema.parse(JSON.parse(text));
}

export const bool = (value: boolean): number => (value ? 1 : 0);
export const isTrue = (value: number): boolean => value !== 0;
