import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../scripts/gen-validator.mjs';
import { snapshotJsonFormat } from './snapshotJson.ts';

const ctx = { source: 'snap.json' };

describe('nsviz snapshot JSON', () => {
  it('accepts a minimal document and fills missing lists', () => {
    const r = snapshotJsonFormat.parse(
      '{"schema":"nsviz/snapshot@1","processes":[{"node":"n","pid":5}]}',
      ctx,
    );
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes).toEqual([{ node: 'n', pid: 5, namespaces: {} }]);
    expect(r.fragment.containers).toEqual([]);
  });

  it('keeps unknown fields (newer writers) and is strict on types', () => {
    const ok = snapshotJsonFormat.parse(
      '{"schema":"nsviz/snapshot@1","future":1,"namespaces":[{"node":"n","type":"net","inode":7,"extra":true}]}',
      ctx,
    );
    expect(ok.issues).toEqual([]);
    const bad = snapshotJsonFormat.parse(
      '{"schema":"nsviz/snapshot@1","namespaces":[{"node":"n","type":"net","inode":"7"}]}',
      ctx,
    );
    expect(bad.issues).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'namespaces.0.inode: expected a value of type integer, found "7"',
      }),
    ]);
    const type = snapshotJsonFormat.parse(
      '{"schema":"nsviz/snapshot@1","namespaces":[{"node":"n","type":"network","inode":7}]}',
      ctx,
    );
    expect(type.issues[0]?.message).toMatch(/namespaces\.0\.type: expected one of \["mnt","net"/);
  });

  it('names the line where truncated JSON ends', () => {
    const r = snapshotJsonFormat.parse(
      '{"schema":"nsviz/snapshot@1",\n"processes":[\n{"node":"n","pid":5}',
      ctx,
    );
    expect(r.issues).toEqual([
      expect.objectContaining({ level: 'error', line: 3, source: 'snap.json' }),
    ]);
    expect(r.issues[0]?.message).toMatch(/truncated/);
  });

  it('detects only its own schema', () => {
    expect(snapshotJsonFormat.detect('{"schema": "nsviz/snapshot@1"}', ctx)).toBe(1);
    expect(snapshotJsonFormat.detect('{"namespaces": []}', ctx)).toBe(0);
  });

  it('has an up-to-date generated validator', () => {
    expect(readFileSync('src/parse/formats/snapshotValidator.gen.js', 'utf8')).toBe(generate());
  });
});
