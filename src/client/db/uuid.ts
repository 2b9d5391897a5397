import { v7 } from 'uuid';

/** Record ids are made once, on the device, and never again: the server enforces them as unique. */
export const newId = (): string => v7();
