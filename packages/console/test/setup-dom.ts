import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// happy-dom lacks what Ant Design's responsive parts ask the browser for.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
window.getComputedStyle = (
  (get) => (element: Element) =>
    get(element)
)(window.getComputedStyle.bind(window));

afterEach(() => cleanup());
