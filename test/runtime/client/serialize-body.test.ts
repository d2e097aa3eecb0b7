import { describe, expect, it } from 'vitest';
import { serializeBody } from '../../../src/runtime/client/serialize-body.js';

const spec = (...mediaTypes: string[]) => ({ mediaTypes });

describe('serializeBody', () => {
  it('sends JSON by default, and as the first declared type otherwise', () => {
    expect(serializeBody({ body: { a: 1 }, spec: undefined })).toEqual({
      payload: '{"a":1}',
      contentType: 'application/json',
    });
    const form = serializeBody({
      body: { a: 1, m: { k: 'v' } },
      spec: spec('application/x-www-form-urlencoded'),
    });
    expect(String(form.payload)).toBe('a=1&m%5Bk%5D=v');
    expect(form.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('a +json type is JSON; a built body (Blob, URLSearchParams, FormData, bytes) is refused for it', () => {
    expect(serializeBody({ body: [1], spec: spec('application/merge-patch+json') }).payload).toBe('[1]');
    for (const body of [new Blob(['x']), new URLSearchParams('a=1'), new FormData(), new Uint8Array(1)]) {
      expect(() => serializeBody({ body, spec: spec('application/json') })).toThrow(TypeError);
    }
  });

  it('matches a chosen type against declared wildcards; a wildcard with no choice sends octet-stream', () => {
    const images = spec('image/*');
    expect(serializeBody({ body: new Blob(['x']), spec: images, contentType: 'image/png' }).contentType).toBe(
      'image/png',
    );
    expect(serializeBody({ body: 'x', spec: images }).contentType).toBe('application/octet-stream');
    expect(() => serializeBody({ body: 'x', spec: images, contentType: 'text/plain' })).toThrow(
      /not declared/,
    );
  });

  it('copies a view of bytes exactly (offset and length kept)', () => {
    const buffer = new Uint8Array([9, 1, 2, 3, 9]);
    const { payload } = serializeBody({
      body: buffer.subarray(1, 4),
      spec: spec('application/octet-stream'),
    });
    expect([...(payload as Uint8Array)]).toEqual([1, 2, 3]);
    expect(() => serializeBody({ body: { a: 1 }, spec: spec('application/octet-stream') })).toThrow(/Blob/);
  });

  it('multipart: a FormData with files, no content-type (fetch adds the boundary)', () => {
    const file = new File(['abc'], 'a.txt', { type: 'text/plain' });
    const { payload, contentType } = serializeBody({
      body: { purpose: 'x', file, n: 2 },
      spec: spec('multipart/form-data'),
    });
    expect(contentType).toBeUndefined();
    const form = payload as FormData;
    expect(form.get('purpose')).toBe('x');
    expect(form.get('n')).toBe('2');
    expect((form.get('file') as File).name).toBe('a.txt');
  });
});

describe('serializeBody: multipart parts', () => {
  const multipart = { mediaTypes: ['multipart/form-data'] };
  const raw = async (payload: BodyInit) => new Request('http://x/', { method: 'POST', body: payload }).text();

  it('an object or an array of objects is one application/json part; scalars and arrays of scalars are text', async () => {
    const { payload } = serializeBody({
      body: { name: 'n', meta: { a: 1 }, lines: [{ b: 2 }], tags: ['x', 'y'] },
      spec: multipart,
    });
    const text = await raw(payload);
    expect(text).toMatch(/name="meta"\r\nContent-Type: application\/json\r\n\r\n\{"a":1\}\r\n/);
    expect(text).toMatch(/name="lines"\r\nContent-Type: application\/json\r\n\r\n\[\{"b":2\}\]\r\n/);
    expect(text).toMatch(/name="name"\r\n\r\nn\r\n/);
    expect(text.match(/name="tags"/g)).toHaveLength(2);
    expect(text).not.toMatch(/meta\[|lines\[/);
  });

  it('encoding.contentType overrides: text/plain keeps brackets, application/json sends any value as JSON', async () => {
    const { payload } = serializeBody({
      body: { meta: { a: 1 }, count: 3 },
      spec: {
        ...multipart,
        encoding: { meta: { contentType: 'text/plain' }, count: { contentType: 'application/json' } },
      },
    });
    const text = await raw(payload);
    expect(text).toMatch(/name="meta\[a\]"\r\n\r\n1\r\n/);
    expect(text).toMatch(/name="count"\r\nContent-Type: application\/json\r\n\r\n3\r\n/);
  });

  it('urlencoded forms keep bracket notation for objects', () => {
    const { payload } = serializeBody({
      body: { meta: { a: 1 } },
      spec: { mediaTypes: ['application/x-www-form-urlencoded'] },
    });
    expect(String(payload)).toBe('meta%5Ba%5D=1');
  });
});
