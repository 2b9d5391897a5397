import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterAll, afterEach } from 'vitest';

afterEach(() => cleanup());

// Preact runs effects after paint, with a 35 ms timer as the fallback to requestAnimationFrame;
// a timer still pending when jsdom is torn down would call a cancelAnimationFrame that is gone.
// Let those timers fire while the window still exists.
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
