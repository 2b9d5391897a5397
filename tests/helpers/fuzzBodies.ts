import fc from 'fast-check';

/**
 * Hostile request bodies for the fuzz test (tests/api/fuzz.test.ts). A case says how to spoil an
 * endpoint's template body; render() turns it into the bytes and content type actually sent.
 */

/** JSON text spliced in as it is: numbers JSON.stringify cannot write, nesting too deep to build as objects. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON.stringify, but RawJson is written verbatim and own `__proto__` keys are kept. */
export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .map((k) => `${JSON.stringify(k)}:${jsonText((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const deepNesting = (depth: number, shape: 'array' | 'object'): RawJson =>
  new RawJson(shape === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth));

export const HOSTILE_STRINGS: readonly string[] = [
  "'; drop table visits; --",
  "' or '1'='1",
  '1; delete from staff where 1=1',
  "x' union select token_hash from devices --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "=cmd|' /C calc'!A0",
  '\u0000',
  'nul\u0000inside',
  '\ud800',
  'lone \udfff surrogate',
  '\u202eRTL override',
  '\ufeffBOM',
  '../../../../etc/passwd',
  '%00%ff',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '',
  ' ',
  '\t\r\n',
  '13912345678',
  '😀👩‍👩‍👧‍👦',
  'null',
  'NaN',
  '-0',
  // Text fields that are read as JSON themselves (the campaign import file).
  '['.repeat(10_000),
  '{"a":'.repeat(10_000),
  '{"format":"talktrack.campaigns","formatVersion":1,"__proto__":{"polluted":true},"campaigns":[{"constructor":{"prototype":{"polluted":true}}}]}',
];

export const HOSTILE_NUMBERS: readonly unknown[] = [
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('9007199254740993'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('-0'),
  1e308,
  -1e308,
  2 ** 53,
  2 ** 63,
  2 ** 31,
  -(2 ** 31) - 1,
  -1,
  0.5,
  5e-324,
];

const POLLUTION = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '[{"__proto__":{"polluted":true}}]',
].map((t) => new RawJson(t));

export const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  "'; drop table visits; --",
  '<script>',
  '',
  '\u0000',
  'k'.repeat(10_000),
];

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)) },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [[]], [{}]) },
  {
    weight: 1,
    arbitrary: fc
      .record({ depth: fc.constantFrom(100, 1_000, 10_000, 400_000), shape: fc.constantFrom('array' as const, 'object' as const) })
      .map(({ depth, shape }) => deepNesting(depth, shape)),
  },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTION) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 100_000 }).map((n) => new RawJson(`[${'0,'.repeat(n)}0]`)) },
);

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----fuzz',
  'application/xml',
  'application/octet-stream',
  'application/javascript',
  'application/json-patch+json',
  'application/jsonx',
  'image/png',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  '*/*',
  ';',
  'application/json, text/plain',
];

const GARBAGE = ['\u0000', '}', '{', ',', '"', '\\', ':', ']]', 'NaN', '/*', "'", '\u0001', 'undefined', '\n}'];

const INVALID_UTF8 = [[0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]];

export type FuzzCase =
  /** One node of the template (a field, an array element, a whole object) replaced. */
  | { kind: 'mutate'; at: number; value: unknown }
  /** Every string of the template replaced by the same value (ids, enums, dates and free text alike). */
  | { kind: 'every_string'; value: unknown }
  /** A key added to one object of the template. */
  | { kind: 'add_key'; at: number; key: string; value: unknown }
  /** Something else entirely as the body: a number, an array, a string, deep nesting. */
  | { kind: 'whole_body'; value: unknown }
  | { kind: 'wrapped'; how: 'array' | 'object' }
  | { kind: 'truncated'; at: number }
  | { kind: 'garbled'; at: number; text: string }
  | { kind: 'content_type'; contentType: string }
  | { kind: 'empty'; contentType: string | null }
  | { kind: 'invalid_utf8'; at: number; bytes: number[] }
  /** Bigger than the route accepts by `extra` bytes. */
  | { kind: 'oversized'; extra: number; how: 'string' | 'array' | 'no_content_type' };

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('mutate' as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('every_string' as const), value: hostileValue }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('add_key' as const), at: fc.nat(), key: fc.constantFrom(...HOSTILE_KEYS), value: hostileValue }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('whole_body' as const), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrapped' as const), how: fc.constantFrom('array' as const, 'object' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncated' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('garbled' as const), at: fc.nat(), text: fc.constantFrom(...GARBAGE) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('content_type' as const), contentType: fc.constantFrom(...WRONG_CONTENT_TYPES) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('empty' as const), contentType: fc.constantFrom('application/json', 'text/plain', null) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('invalid_utf8' as const), at: fc.nat(), bytes: fc.constantFrom(...INVALID_UTF8) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('oversized' as const),
      extra: fc.integer({ min: 1, max: 256 * 1024 }),
      how: fc.constantFrom('string' as const, 'array' as const, 'no_content_type' as const),
    }),
  },
);

/** One of each kind, run before the random ones so every kind reaches every endpoint. */
export const EVERY_KIND: readonly FuzzCase[] = [
  { kind: 'mutate', at: 0, value: "'; drop table visits; --" },
  { kind: 'mutate', at: 1, value: '<script>alert(1)</script>' },
  { kind: 'mutate', at: 2, value: new RawJson('1e999') },
  { kind: 'mutate', at: 3, value: 'nul\u0000inside' },
  { kind: 'mutate', at: 4, value: deepNesting(10_000, 'object') },
  { kind: 'mutate', at: 5, value: 'x'.repeat(900_000) },
  { kind: 'every_string', value: 'nul\u0000inside' },
  { kind: 'every_string', value: "'; drop table visits; --" },
  { kind: 'every_string', value: 'x'.repeat(100_000) },
  { kind: 'add_key', at: 0, key: '__proto__', value: { polluted: true } },
  { kind: 'add_key', at: 1, key: 'constructor', value: new RawJson('{"prototype":{"polluted":true}}') },
  { kind: 'whole_body', value: deepNesting(10_000, 'array') },
  { kind: 'whole_body', value: deepNesting(400_000, 'array') },
  { kind: 'whole_body', value: -1 },
  { kind: 'whole_body', value: "'; drop table visits; --" },
  { kind: 'whole_body', value: null },
  { kind: 'wrapped', how: 'array' },
  { kind: 'truncated', at: 7 },
  { kind: 'garbled', at: 3, text: '\u0000' },
  { kind: 'content_type', contentType: 'text/plain' },
  { kind: 'content_type', contentType: 'application/x-www-form-urlencoded' },
  { kind: 'empty', contentType: 'application/json' },
  { kind: 'empty', contentType: null },
  { kind: 'invalid_utf8', at: 5, bytes: [0xff] },
  { kind: 'oversized', extra: 1, how: 'string' },
  { kind: 'oversized', extra: 1024, how: 'no_content_type' },
];

/** Values every node of a template is replaced with, one node at a time (sweep). */
export const SWEEP_VALUES: readonly unknown[] = ['nul\u0000inside', "'; drop table visits; --", new RawJson('1e999')];

/** Each node of the template replaced in turn by each sweep value: every field meets each of them. */
export function sweep(template: unknown): FuzzCase[] {
  return nodePaths(template).flatMap((_, at) => SWEEP_VALUES.map((value): FuzzCase => ({ kind: 'mutate', at, value })));
}

type Path = (string | number)[];

/** Every node below the root, parents before children. */
function nodePaths(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || value instanceof RawJson) return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...path, k], ...nodePaths(v, [...path, k])]);
}

function objectPaths(value: unknown): Path[] {
  const all: Path[] = [[], ...nodePaths(value)];
  return all.filter((p) => {
    const node = p.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], value);
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
}

function setOwn(target: object, key: string | number, value: unknown): void {
  // defineProperty makes `__proto__` an own key, as JSON.parse would, instead of setting the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function replaced(template: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(template);
  const parent = path.slice(0, -1).reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], copy);
  setOwn(parent as object, path[path.length - 1]!, value);
  return copy;
}

function everyString(value: unknown, replacement: unknown): unknown {
  if (typeof value === 'string') return replacement;
  if (Array.isArray(value)) return value.map((v) => everyString(v, replacement));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, everyString(v, replacement)]));
}

export interface RenderedBody {
  contentType: string | undefined;
  payload: string | Buffer | undefined;
}

const JSON_TYPE = 'application/json';

/** The bytes a case sends to an endpoint whose template is `template` and whose body limit is `limit`. */
export function render(c: FuzzCase, template: unknown, limit: number): RenderedBody {
  const text = jsonText(template);
  const json = (value: unknown): RenderedBody => ({ contentType: JSON_TYPE, payload: jsonText(value) });
  switch (c.kind) {
    case 'mutate': {
      const paths = nodePaths(template);
      return paths.length === 0 ? json(c.value) : json(replaced(template, paths[c.at % paths.length]!, c.value));
    }
    case 'every_string':
      return json(everyString(template, c.value));
    case 'add_key': {
      const paths = objectPaths(template);
      const path = paths[c.at % paths.length];
      if (path === undefined) return json(c.value);
      const copy = structuredClone(template);
      const target = path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], copy);
      setOwn(target as object, c.key, c.value);
      return json(copy);
    }
    case 'whole_body':
      return json(c.value);
    case 'wrapped':
      return json(c.how === 'array' ? [template] : { body: template });
    case 'truncated':
      return { contentType: JSON_TYPE, payload: text.slice(0, c.at % text.length) };
    case 'garbled': {
      const at = c.at % (text.length + 1);
      return { contentType: JSON_TYPE, payload: text.slice(0, at) + c.text + text.slice(at) };
    }
    case 'content_type':
      return { contentType: c.contentType, payload: text };
    case 'empty':
      return { contentType: c.contentType ?? undefined, payload: '' };
    case 'invalid_utf8': {
      const bytes = Buffer.from(text);
      const at = c.at % (bytes.length + 1);
      return { contentType: JSON_TYPE, payload: Buffer.concat([bytes.subarray(0, at), Buffer.from(c.bytes), bytes.subarray(at)]) };
    }
    case 'oversized': {
      const size = limit + c.extra;
      if (c.how === 'array') return { contentType: JSON_TYPE, payload: `[${'1,'.repeat(Math.ceil(size / 2))}1]` };
      const padded = { ...(template as object), padding: 'x'.repeat(size) };
      return { contentType: c.how === 'string' ? JSON_TYPE : undefined, payload: jsonText(padded) };
    }
  }
}

/** Whether fastify's JSON parser could take this body (an empty one without content type is no body). */
export function parsesAsJson(body: RenderedBody, limit: number): boolean {
  if (body.payload === undefined || body.payload.length === 0) return body.contentType === undefined;
  if (Buffer.byteLength(body.payload) > limit) return false;
  try {
    JSON.parse(body.payload.toString());
    return true;
  } catch {
    return false;
  }
}
