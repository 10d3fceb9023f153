import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEventParser, type StreamEvent } from './eventStream.ts';

function parse(chunks: readonly string[]): StreamEvent[] {
  const out: StreamEvent[] = [];
  const p = createEventParser((e) => out.push(e));
  for (const c of chunks) p.push(c);
  return out;
}

// What the agent sends (agent/server/events.ts): an id, an event name and one data line.
const AGENT =
  'id: "abc"\nevent: snapshot\ndata: {"a":1}\n\n: keep-alive\n\nevent: source-error\ndata: {"error":"x"}\n\n';

describe('createEventParser', () => {
  it('reads the agent’s events, the id carrying over as in EventSource', () => {
    expect(parse([AGENT])).toEqual([
      { type: 'snapshot', data: '{"a":1}', lastEventId: '"abc"' },
      { type: 'source-error', data: '{"error":"x"}', lastEventId: '"abc"' },
    ]);
  });

  it('joins data lines, defaults the type, ignores comments and unknown fields', () => {
    expect(parse(['data:one\ndata: two\nretry: 5\n:note\n\n'])).toEqual([
      { type: 'message', data: 'one\ntwo', lastEventId: '' },
    ]);
  });

  it('dispatches nothing without data, and nothing before the blank line', () => {
    expect(parse(['event: snapshot\n\n', 'data: x\n'])).toEqual([]);
  });

  it('accepts CRLF and CR line ends, even split between chunks', () => {
    expect(parse(['data: a\r', '\n\r', '\ndata: b\r\r'])).toEqual([
      { type: 'message', data: 'a', lastEventId: '' },
      { type: 'message', data: 'b', lastEventId: '' },
    ]);
  });

  it('gives the same events however the stream is cut into chunks', () => {
    const whole = parse([AGENT.replace(/\n/g, '\r\n')]);
    fc.assert(
      fc.property(fc.array(fc.nat(AGENT.length * 2), { maxLength: 12 }), (cuts) => {
        const text = AGENT.replace(/\n/g, '\r\n');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let at = 0;
        for (const p of points) {
          chunks.push(text.slice(at, p));
          at = p;
        }
        chunks.push(text.slice(at));
        expect(parse(chunks)).toEqual(whole);
      }),
    );
  });
});
