import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './lazy-page';
import { pageChunk } from './page-chunk';

const Page = () => <p>工作台</p>;

describe('a lazily loaded page', () => {
  it('given its chunk already loaded, when the route renders, then the page shows in that render with no fallback', async () => {
    const chunk = pageChunk(() => Promise.resolve({ default: Page }));
    await chunk.preload();
    const LazyPage = lazyPage(chunk);

    render(
      <Suspense fallback={<p>加载中</p>}>
        <LazyPage />
      </Suspense>,
    );

    expect(screen.getByText('工作台')).toBeTruthy();
    expect(screen.queryByText('加载中')).toBeNull();
  });

  it('given its chunk not loaded yet, when the route renders, then the fallback shows until the chunk arrives', async () => {
    let arrive: (module: { default: typeof Page }) => void = () => {};
    const chunk = pageChunk(() => new Promise((resolve) => (arrive = resolve)));
    const LazyPage = lazyPage(chunk);

    render(
      <Suspense fallback={<p>加载中</p>}>
        <LazyPage />
      </Suspense>,
    );
    expect(screen.getByText('加载中')).toBeTruthy();

    await act(async () => arrive({ default: Page }));

    expect(await screen.findByText('工作台')).toBeTruthy();
  });
});
