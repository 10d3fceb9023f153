import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl } from './embedCode.ts';

describe('embedUrl', () => {
  it('adds embed=1 and keeps the view settings', () => {
    expect(embedUrl('https://h/nsviz/#src=myweb2&view=matrix&types=net,ipc', false)).toBe(
      'https://h/nsviz/#src=myweb2&view=matrix&types=net,ipc&embed=1',
    );
  });
  it('adds bg=transparent only when asked, and drops a stale one', () => {
    expect(embedUrl('http://h/#src=a', true)).toBe('http://h/#src=a&embed=1&bg=transparent');
    expect(embedUrl('http://h/#src=a&bg=transparent', false)).toBe('http://h/#src=a&embed=1');
  });
  it('drops what only the chrome shows (search, compare picks)', () => {
    expect(embedUrl('http://h/#src=a&q=nginx&compare=x,y', false)).toBe('http://h/#src=a&embed=1');
  });
  it('works without a hash and for file:// pages', () => {
    expect(embedUrl('file:///tmp/dist/nsviz.html', false)).toBe(
      'file:///tmp/dist/nsviz.html#embed=1',
    );
  });
});

describe('embedSnippet', () => {
  it('is one iframe with escaped attributes', () => {
    const code = embedSnippet('https://h/#src=a&embed=1', {
      transparent: true,
      title: 'nsviz: "x" <y>',
    });
    expect(code).toBe(
      '<iframe src="https://h/#src=a&amp;embed=1" title="nsviz: &quot;x&quot; &lt;y&gt;" width="960" height="540" style="border:0;background:transparent" loading="lazy"></iframe>',
    );
  });
});
