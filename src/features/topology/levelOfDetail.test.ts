import { describe, expect, it } from 'vitest';
import type { Scene } from '../../layout/index.ts';
import {
  drawnDetail,
  FIRST_SHOWN,
  LOW_DETAIL_ZOOM,
  nextDetail,
  NOTHING_SHOWN,
} from './levelOfDetail.ts';

const view = { x: 100, y: 100, w: 400, h: 200 };

describe('nextDetail', () => {
  it('draws shapes only when the first view is zoomed out', () => {
    expect(nextDetail(NOTHING_SHOWN, view, LOW_DETAIL_ZOOM / 2)).toEqual({ detail: 'low' });
  });

  it('draws in full what is on screen and half a screen around it', () => {
    expect(nextDetail(NOTHING_SHOWN, view, 1)).toEqual({
      detail: 'full',
      box: { x: -100, y: 0, w: 800, h: 400 },
    });
  });

  it('keeps the same detail (the same object) while the view stays inside it', () => {
    const shown = nextDetail({ detail: 'low' }, view, 1);
    expect(nextDetail(shown, { ...view, x: 150, y: 120 }, 1.2)).toBe(shown);
    const moved = nextDetail(shown, { ...view, x: 900 }, 1);
    expect(moved).not.toBe(shown);
    expect(moved.box?.x).toBe(700);
  });

  it('zooming out keeps what was drawn: CSS hides small text, nothing re-renders', () => {
    const shown = nextDetail(NOTHING_SHOWN, view, 1);
    expect(nextDetail(shown, { x: 0, y: 0, w: 9000, h: 5000 }, 0.1)).toBe(shown);
  });

  it('draws a small scene in full at once, a large one only after the first fit', () => {
    const scene = (n: number) =>
      ({ rects: [], chips: [], links: [], labels: new Array(n).fill(null) }) as unknown as Scene;
    expect(drawnDetail(FIRST_SHOWN, scene(100))).toBe(FIRST_SHOWN);
    expect(drawnDetail(FIRST_SHOWN, scene(5000))).toBe(NOTHING_SHOWN);
    const decided = nextDetail(NOTHING_SHOWN, view, 1);
    expect(drawnDetail(decided, scene(5000))).toBe(decided);
  });
});
