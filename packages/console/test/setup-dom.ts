import { cleanup, configure } from '@testing-library/react';
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

// Ant Design renders slowly in happy-dom on a shared, loaded 2-core machine: give findBy* time.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
