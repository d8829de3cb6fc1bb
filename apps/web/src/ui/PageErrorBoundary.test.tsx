import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary } from './PageErrorBoundary.js';

function Broken(): never {
  throw new Error('Failed to fetch dynamically imported module: /assets/PodsPage-x.js');
}

describe('PageErrorBoundary', () => {
  it('replaces a crashed page with what to do, instead of a blank app', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <PageErrorBoundary>
        <Broken />
      </PageErrorBoundary>,
    );
    quiet.mockRestore();
    expect(screen.getByText('This page could not be loaded')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload the console' })).toBeTruthy();
  });
});
