import './fonts.css';
import './app.css';
import { afterFirstFrame } from './firstFrame/afterFirstFrame.ts';

// The entry only holds the styles (render-blocking, as the first frame needs them) and this
// line: the app is its own chunk, preloaded by index.html and evaluated once the first frame
// (docs/decisions/0011-first-frame.md) is on screen, so evaluating it never delays that paint.
afterFirstFrame(() => import('./start.tsx'));
